import { isolatedParts } from '../isolate';

/** A message with the page text `quoted` marked in it shown each in a `<bdi>`, so it keeps its own direction. */
export function Isolated({ text }: { text: string }) {
  return (
    <>
      {isolatedParts(text).map((part) => (part.isolated ? <bdi>{part.text}</bdi> : part.text))}
    </>
  );
}
