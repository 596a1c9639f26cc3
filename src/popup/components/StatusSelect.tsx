import { READING_STATUSES, type ReadingStatus } from '../../storage/status';
import { STATUS_LABELS } from '../format';

interface Props {
  status: ReadingStatus;
  title: string;
  onChange: (status: ReadingStatus) => void;
  tabIndex?: number;
}

export function StatusSelect({ status, title, onChange, tabIndex }: Props) {
  return (
    <select
      class={`status status-${status}`}
      aria-label={`Status of “${title}”`}
      value={status}
      tabIndex={tabIndex}
      onChange={(event) => onChange(event.currentTarget.value as ReadingStatus)}
    >
      {READING_STATUSES.map((value) => (
        <option key={value} value={value}>
          {STATUS_LABELS[value]}
        </option>
      ))}
    </select>
  );
}
