import { useMemo } from 'preact/hooks';
import type { SavedPaper } from '../../storage/schema';
import { byStatus, donePerWeek, savedPerWeek, topTags } from '../charts';
import { BarChart } from './BarChart';

/** The list over time and by kind: where a picture says more than a table. */
export function ChartsPanel({ papers, now }: { papers: readonly SavedPaper[]; now?: number }) {
  // Read again when the list changes (a tab left open for days counts what is saved since), not on every render.
  const today = useMemo(() => now ?? Date.now(), [now, papers]);
  const weeks = useMemo(() => savedPerWeek(papers, today), [papers, today]);
  const done = useMemo(() => donePerWeek(papers, today), [papers, today]);
  const tags = useMemo(() => topTags(papers), [papers]);
  const statuses = useMemo(() => byStatus(papers), [papers]);
  const recent = weeks.reduce((sum, week) => sum + week.value, 0);
  const busiest = weeks.reduce((best, week) => (week.value > best.value ? week : best), weeks[0]!);
  const finished = done.reduce((sum, week) => sum + week.value, 0);
  return (
    <section class="panel charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Your list over time</h2>
      <BarChart
        title="Papers saved per week"
        summary={
          recent === 0
            ? 'No papers saved in the last 26 weeks.'
            : `${recent} saved in the last 26 weeks; most in the ${busiest.fullLabel.replace(/^Week/, 'week')} (${busiest.value}).`
        }
        bars={weeks}
        layout="columns"
        labelHeader="Week"
      />
      <BarChart
        title="Papers done per week"
        summary={finished === 0 ? 'No paper marked done in the last 26 weeks.' : `${finished} marked done in the last 26 weeks, ${(finished / 26).toFixed(1)} a week.`}
        bars={done}
        layout="columns"
        labelHeader="Week"
      />
      <BarChart
        title="Top tags"
        summary={tags.length === 0 ? 'No tags yet.' : `The ${tags.length} most used tags; “${tags[0]!.label}” leads with ${tags[0]!.value}.`}
        bars={tags}
        layout="rows"
        labelHeader="Tag"
      />
      <BarChart
        title="By status"
        summary={statuses.map((bar) => `${bar.label}: ${bar.value}`).join(', ') + '.'}
        bars={statuses}
        layout="rows"
        labelHeader="Status"
      />
    </section>
  );
}
