import { Isolated } from './Isolated';

/** A failed action, said once and clearly. */
export function ProblemAlert({ problem, onDismiss }: { problem: string | null; onDismiss: () => void }) {
  if (!problem) return null;
  return (
    <div class="error-box" role="alert">
      <span>
        <Isolated text={problem} />
      </span>
      <button type="button" class="link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
