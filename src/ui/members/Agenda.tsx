import { httpsUrl } from './format';

/** The agenda as staff typed it: text, line breaks kept; a line that is only an https URL is a link. */
export function Agenda({ text }: { text: string }) {
  if (!text) return <p class="muted">No agenda yet: fill in the Agenda cell of this meeting in the Meetings tab.</p>;
  const lines = text.split('\n');
  return (
    <div class="agenda" aria-label="Agenda">
      {lines.map((line, i) => {
        const url = httpsUrl(line);
        return (
          <div key={i}>
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {url}
              </a>
            ) : (
              line || '\u00a0'
            )}
          </div>
        );
      })}
    </div>
  );
}
