import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Settings } from '../storage/settings';
import { MAX_RULES, validateRule, type UserRule } from '../core/tags/rules';
import { githubTokenProblem } from './github-token';
import { tokenDigest } from '../core/token-digest';
import { followStored } from './follow-stored';
import { quoted } from '../popup/isolate';
import { formatCount } from '../popup/format';
import { Isolated } from '../popup/components/Isolated';
import { FOLLOWED_LIMITS, followedKey, followedNameProblem, followedNames } from '../core/authors';

export interface SettingsStore {
  read(): Promise<Settings>;
  write(patch: Partial<Settings>): Promise<Settings>;
}

export interface TopicChoice {
  id: string;
  label: string;
}

/** How long the typing must have stopped before the list is asked which names find papers. */
const COUNT_DELAY_MS = 400;
/** Names listed as finding nothing before "and N more". */
const UNFOUND_SHOWN = 10;

/** Which followed names find papers in the list, and which none yet (a misspelling, or someone not saved yet). */
function FollowedFound({ names, counts }: { names: string[]; counts: number[] }) {
  const unfound = names.filter((_, i) => counts[i] === 0);
  const finding = names.length - unfound.length;
  const listed = unfound.slice(0, UNFOUND_SHOWN).map(quoted).join(', ');
  const more = unfound.length - Math.min(unfound.length, UNFOUND_SHOWN);
  return (
    <p class="muted followed-found" role="status">
      {finding === names.length
        ? 'Every name finds papers in your list.'
        : <Isolated text={`${finding} of ${names.length} names find papers in your list; none yet for ${listed}${more ? ` and ${more} more` : ''}.`} />}
    </p>
  );
}

const EMPTY_RULE: UserRule = { tag: '', match: '', fields: 'both' };
const isBlank = (rule: UserRule) => !rule.tag.trim() && !rule.match.trim();

/** What is wrong with a rule, and whether its tag is (it fails with any match); null for a rule with nothing wrong. */
interface RuleProblem {
  error: string;
  inTag: boolean;
}
/**
 * Each rule checked once, not on every render: a check compiles the rule and runs its pattern checks (~0.1 ms), and
 * 1,000 rules took 200-300 ms a keystroke, in any field of the page. A rule edited is a new object (setRule), checked
 * anew; the others keep theirs.
 */
const ruleProblems = new WeakMap<UserRule, RuleProblem | null>();
function ruleProblem(rule: UserRule): RuleProblem | null {
  let problem = ruleProblems.get(rule);
  if (problem === undefined) {
    const check = isBlank(rule) ? { ok: true as const } : validateRule(rule); // just added, nothing typed: no error (Save leaves it out)
    problem = check.ok ? null : { error: check.error, inTag: !validateRule({ ...rule, match: 'x' }).ok };
    ruleProblems.set(rule, problem);
  }
  return problem;
}

/**
 * GitHub token, toolbar count, relevance, watched topics, followed authors and tag rules; nothing is saved until every
 * rule and name is valid.
 */
export function SettingsForm({
  store,
  topics,
  resetRelevance,
  rejectedTokenDigest,
  watchRejectedToken,
  countFollowed,
}: {
  store: SettingsStore;
  topics: readonly TopicChoice[];
  /** Rebuilds the relevance model from the reading list (a message to the background). */
  resetRelevance?: () => Promise<{ papers: number }>;
  /** The digest of the token GitHub last answered 401 to, if any (../background/rejected-token.ts). */
  rejectedTokenDigest?: () => Promise<string | null>;
  /** Calls its listener when that digest changes (a 401 while the page is open); returns the unsubscribe. */
  watchRejectedToken?: (listener: () => void) => () => void;
  /** How many saved papers each name finds (the background's `followedCounts`), in the names' order. */
  countFollowed?: (names: string[]) => Promise<number[]>;
}) {
  const [settings, setSettings] = useState<Settings | null>(null);
  /** The settings as last read or saved here: Save writes only the fields that differ from them. */
  const [stored, setStored] = useState<Settings | null>(null);
  const [readError, setReadError] = useState('');
  const [message, setMessage] = useState('');
  const [resetMessage, setResetMessage] = useState('');
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const addRule = useRef<HTMLButtonElement>(null);
  /** The rule whose tag field takes the focus once drawn (-1: Add a rule): after a rule is added or removed. */
  const focusRule = useRef<number | null>(null);
  useEffect(() => {
    const index = focusRule.current;
    if (index === null) return;
    const target = index >= 0 ? form.current?.querySelector<HTMLElement>(`[aria-label="Rule ${index + 1} tag"]`) : addRule.current;
    if (!target) return; // not drawn yet: a later render's turn
    focusRule.current = null;
    target.focus();
  });
  const load = () => {
    setReadError('');
    store.read().then(
      (read) => {
        setStored(read);
        setSettings(read);
      },
      (error: unknown) => setReadError((error as Error).message),
    );
  };
  useEffect(load, [store]);
  // Back on this page (from another options tab or window): what was saved there meanwhile shows here, in every field
  // not edited here, so a Save from this page neither drops it (a rule added there) nor leaves it shown but unsaved.
  const storedNow = useRef(stored);
  storedNow.current = stored;
  useEffect(() => {
    // A tab switch brings both `visibilitychange` and `focus`: one read answers both.
    let reading = false;
    const follow = () => {
      if (reading || document.visibilityState === 'hidden' || !storedNow.current) return;
      reading = true;
      store
        .read()
        .then((fresh) => {
          const before = storedNow.current;
          if (!before) return;
          setSettings((shown) => shown && followStored(shown, before, fresh));
          setStored(fresh);
        }, () => undefined) // the page goes on with what it has; a Save says if the background is gone
        .finally(() => (reading = false));
    };
    window.addEventListener('focus', follow);
    document.addEventListener('visibilitychange', follow);
    return () => {
      window.removeEventListener('focus', follow);
      document.removeEventListener('visibilitychange', follow);
    };
  }, [store]);
  /** The saved token GitHub rejected, if any: badges go without it until a new one is saved. */
  const [rejectedToken, setRejectedToken] = useState<string | null>(null);
  const savedToken = stored?.githubToken.trim() ?? '';
  // A verdict is about the token it was read for: a new token just saved is not called rejected while it is checked.
  const savedTokenRejected = rejectedToken !== null && rejectedToken === savedToken;
  useEffect(() => {
    if (!savedToken || !rejectedTokenDigest) return;
    let latest = 0;
    const check = () => {
      const asked = ++latest; // of two reads in flight, the later one's answer stands
      void Promise.all([rejectedTokenDigest(), tokenDigest(savedToken)])
        .then(([rejected, saved]) => asked === latest && setRejectedToken(rejected === saved ? savedToken : null))
        .catch(() => undefined); // nothing known: nothing to warn about
    };
    check();
    // GitHub may refuse the token while the page is open: the warning comes then, not at the next reload.
    const stop = watchRejectedToken?.(check);
    return () => {
      latest = -1;
      stop?.();
    };
  }, [savedToken, rejectedTokenDigest, watchRejectedToken]);
  // Which followed names find papers in the list, asked a moment after the typing stops (a misspelt name finds none).
  const typedNames = settings ? followedNames(settings.followedAuthors).filter((name) => !followedNameProblem(name)) : [];
  const typedKey = JSON.stringify(typedNames);
  const [found, setFound] = useState<{ key: string; names: string[]; counts: number[] } | null>(null);
  useEffect(() => {
    if (!countFollowed || !typedNames.length) return;
    let live = true;
    const timer = setTimeout(() => {
      countFollowed(typedNames).then((counts) => live && setFound({ key: typedKey, names: typedNames, counts }), () => undefined);
    }, COUNT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typedKey, countFollowed]);
  if (readError) {
    return (
      <div class="settings">
        <p class="error" role="alert">
          Could not read the settings: {readError}
        </p>
        <button type="button" onClick={load}>
          Try again
        </button>
      </div>
    );
  }
  if (!settings || !stored) return <p>Loading…</p>;

  const update = (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    setMessage(''); // "Saved." was about the page before this change
  };
  const rules = settings.tagRules;
  const problems = rules.map((rule) => ruleProblem(rule)?.error ?? null);
  // More rules than the settings keep: the background refused the save with a schema's words ("Invalid length"), and
  // the reader learnt neither the limit nor what to do. Said at the rules, before a save, and nothing typed is lost.
  const ruleCount = rules.filter((rule) => !isBlank(rule)).length;
  const rulesProblem =
    ruleCount > MAX_RULES
      ? `At most ${formatCount(MAX_RULES)} tag rules are kept, and there are ${formatCount(ruleCount)}: remove ${formatCount(ruleCount - MAX_RULES)}, or join rules of one tag (a rule's words may list several, comma-separated), to save.`
      : null;
  // Which field a rule fails on: its tag when the tag fails with any match, else its match.
  const tagFails = rules.map((rule) => ruleProblem(rule)?.inTag ?? false);
  const setRule = (i: number, patch: Partial<UserRule>) => update({ tagRules: rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const watched = new Set(settings.watchedTopics);
  // Followed authors are edited as lines (kept as typed, blank ones too, while the field is edited) and saved as names.
  const authorLines = settings.followedAuthors;
  const authorProblems = authorLines.flatMap((line, i) => {
    const problem = line.trim() ? followedNameProblem(line.trim()) : null;
    return problem ? [`Line ${i + 1}: ${problem}.`] : [];
  });
  // Names, not lines: a name given twice (in any case or spacing) is saved once (followedNames), and counts once.
  if (new Set(authorLines.filter((line) => line.trim()).map(followedKey)).size > FOLLOWED_LIMITS.names) authorProblems.push(`At most ${FOLLOWED_LIMITS.names} names.`);
  const authorsProblem = authorProblems.length ? authorProblems.join(' ') : null;
  const tokenProblem = githubTokenProblem(settings.githubToken);
  // About the saved token: said while the field still holds it.
  const tokenRejected = savedTokenRejected && !tokenProblem && settings.githubToken.trim() === savedToken;
  const tokenNote = tokenProblem ? `${id}-token-error` : tokenRejected ? `${id}-token-rejected` : undefined;

  const save = async (event: Event) => {
    event.preventDefault();
    if (tokenProblem || problems.some(Boolean) || authorsProblem || rulesProblem) {
      const fix = [
        tokenProblem && 'token',
        authorsProblem && 'followed authors',
        problems.some(Boolean) && 'highlighted rules',
        rulesProblem && 'number of tag rules',
      ].filter(Boolean);
      setMessage(`Fix the ${fix.length > 1 ? `${fix.slice(0, -1).join(', ')} and ${fix.at(-1)}` : fix[0]} first; nothing was saved.`);
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .rules-count')?.focus(); // to the first field to fix
      return;
    }
    try {
      // Only what was changed on this page, over what is stored now: a change saved meanwhile from another options
      // tab to a field left alone here stays.
      const edited = { ...settings, githubToken: settings.githubToken.trim(), followedAuthors: followedNames(authorLines), tagRules: rules.filter((rule) => !isBlank(rule)) };
      const patch = Object.fromEntries(
        Object.entries(edited).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(stored[key as keyof Settings])),
      ) as Partial<Settings>;
      const saved = await store.write(patch);
      setStored(saved);
      // What was typed while the save was on its way stays, to be saved next: only what was sent takes its stored form.
      setSettings((shown) => (shown ? followStored(shown, settings, saved) : saved));
      // The token and the toolbar count are read when used; open pages are told and follow the rest at once.
      setMessage('Saved.');
    } catch (error) {
      setMessage(`Could not save: ${(error as Error).message}`);
    }
  };

  return (
    <form onSubmit={save} class="settings" ref={form}>
      <h2>GitHub</h2>
      <label>
        Personal access token (optional; raises GitHub's limit from 60 to 5,000 requests an hour). It is kept in this
        browser's extension storage and sent to api.github.com only.
        <input
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={settings.githubToken}
          aria-invalid={tokenProblem ? true : undefined}
          aria-describedby={tokenNote}
          onInput={(e) => update({ githubToken: (e.target as HTMLInputElement).value })}
        />
      </label>
      {tokenProblem && (
        <p class="error" id={`${id}-token-error`}>
          {tokenProblem}
        </p>
      )}
      {tokenRejected && (
        <p class="error" id={`${id}-token-rejected`}>
          GitHub rejected this token (401) the last time it was used; badges are fetched without it. Paste a new token.
        </p>
      )}

      <h2>Toolbar</h2>
      <label>
        <input type="checkbox" checked={settings.toolbarCount} onChange={(e) => update({ toolbarCount: (e.target as HTMLInputElement).checked })} /> Show
        how many papers are still to read
      </label>

      <h2>Relevance</h2>
      <p class="muted">
        Marks cards on listing pages that are like the papers you saved (title, abstract and your tags). The model is
        built and kept in this browser only; pages never see it.
      </p>
      <label>
        <input
          type="checkbox"
          checked={settings.relevance.enabled}
          onChange={(e) => update({ relevance: { ...settings.relevance, enabled: (e.target as HTMLInputElement).checked } })}
        />{' '}
        Mark relevant cards on listing pages
      </label>
      {resetRelevance && (
        <p>
          <button
            type="button"
            onClick={async () => {
              setResetMessage('Rebuilding…');
              try {
                const { papers } = await resetRelevance();
                setResetMessage(`Rebuilt from ${papers} saved paper${papers === 1 ? '' : 's'}.`);
              } catch (error) {
                setResetMessage(`Could not reset: ${(error as Error).message}`);
              }
            }}
          >
            Reset relevance model
          </button>{' '}
          <span role="status">{resetMessage}</span>
        </p>
      )}

      <h2>Watched topics</h2>
      <p class="muted">Cards on these topics stand out on every page.</p>
      <fieldset class="topics">
        <legend class="sr-only">Watched topics</legend>
        {topics.map((topic) => (
          <label key={topic.id}>
            <input
              type="checkbox"
              checked={watched.has(topic.id)}
              onChange={(e) => {
                const next = new Set(watched);
                if ((e.target as HTMLInputElement).checked) next.add(topic.id);
                else next.delete(topic.id);
                update({ watchedTopics: topics.map((t) => t.id).filter((id) => next.has(id)) });
              }}
            />{' '}
            {topic.label}
          </label>
        ))}
      </fieldset>

      <h2>Followed authors</h2>
      <p class="muted" id={`${id}-authors-help`}>
        Papers by these authors stand out on every page, with a chip naming them. One name a line: “Yann LeCun” also finds
        “Y. LeCun” and “LeCun, Yann”; a family name alone (“LeCun”) finds every author of that name.
      </p>
      <textarea
        class="authors"
        rows={5}
        spellcheck={false}
        aria-label="Followed authors, one name a line"
        value={authorLines.join('\n')}
        aria-invalid={authorsProblem ? true : undefined}
        aria-describedby={authorsProblem ? `${id}-authors-error ${id}-authors-help` : `${id}-authors-help`}
        onInput={(e) => update({ followedAuthors: (e.target as HTMLTextAreaElement).value.split('\n') })}
      />
      {authorsProblem && (
        <p class="error" role="alert" id={`${id}-authors-error`}>
          {authorsProblem}
        </p>
      )}
      {found && found.key === typedKey && <FollowedFound names={found.names} counts={found.counts} />}

      <h2>Tag rules</h2>
      <p class="muted">Tag a paper when its title or abstract matches words (comma-separated) or a /regular expression/.</p>
      {rules.map((rule, i) => (
        <div class="rule" key={i}>
          <input
            aria-label={`Rule ${i + 1} tag`}
            placeholder="tag"
            value={rule.tag}
            aria-invalid={tagFails[i] ? true : undefined}
            aria-describedby={tagFails[i] ? `${id}-rule-${i}-error` : undefined}
            onInput={(e) => setRule(i, { tag: (e.target as HTMLInputElement).value })}
          />
          <input
            aria-label={`Rule ${i + 1} words or /regex/`}
            placeholder="words, or /regex/"
            value={rule.match}
            aria-invalid={problems[i] && !tagFails[i] ? true : undefined}
            aria-describedby={problems[i] && !tagFails[i] ? `${id}-rule-${i}-error` : undefined}
            onInput={(e) => setRule(i, { match: (e.target as HTMLInputElement).value })}
          />
          <select aria-label={`Rule ${i + 1} fields`} value={rule.fields} onChange={(e) => setRule(i, { fields: (e.target as HTMLSelectElement).value as UserRule['fields'] })}>
            <option value="both">title or abstract</option>
            <option value="title">title</option>
            <option value="abstract">abstract</option>
          </select>
          <button
            type="button"
            onClick={() => {
              // The button goes with its rule: the focus goes to the rule in its place, else the one before, else Add a rule.
              focusRule.current = i < rules.length - 1 ? i : i - 1;
              update({ tagRules: rules.filter((_, j) => j !== i) });
            }}
          >
            Remove rule {i + 1}
          </button>
          {problems[i] && (
            <p class="error" role="alert" id={`${id}-rule-${i}-error`}>
              Rule {i + 1}: {problems[i]}
            </p>
          )}
        </div>
      ))}
      {rulesProblem && (
        <p class="error rules-count" role="alert" id={`${id}-rules-count`} tabIndex={-1}>
          {rulesProblem}
        </p>
      )}
      <button
        type="button"
        ref={addRule}
        aria-describedby={rulesProblem ? `${id}-rules-count` : undefined}
        onClick={() => {
          focusRule.current = rules.length; // on to the new rule's tag
          update({ tagRules: [...rules, EMPTY_RULE] });
        }}
      >
        Add a rule
      </button>

      <p>
        <button type="submit">Save settings</button> <span role="status">{message}</span>
      </p>
      <p class="muted">
        A JSON backup of your whole list, made on the library page, keeps these settings too (all but the GitHub token),
        and importing one there adds its settings to yours.
      </p>
    </form>
  );
}
