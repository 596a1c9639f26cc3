import { useCallback, useState } from 'preact/hooks';
import { Isolated } from './Isolated';

/** What the live region says, and how many things it has said (each one is said, even in the last one's words). */
export interface Announcement {
  text: string;
  serial: number;
}

/** The page's one live region's message, and the function that says something new in it. */
export function useAnnouncer(): [Announcement, (text: string) => void] {
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', serial: 0 });
  const announce = useCallback((text: string) => setAnnouncement((last) => ({ text, serial: last.serial + 1 })), []);
  return [announcement, announce];
}

/** Polite announcements (result counts, status changes) for screen readers; invisible otherwise. */
export function LiveRegion({ message }: { message: Announcement }) {
  // A new node for each message: the same words again would change nothing, and a screen reader would say nothing
  // (tagging papers one at a time: "Tag “later” added to 1 paper." each time).
  return (
    <p class="sr-only" aria-live="polite" aria-atomic="true">
      <span key={message.serial}>
        <Isolated text={message.text} />
      </span>
    </p>
  );
}
