import { forwardRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { SearchBox } from '../search/SearchBox';
import { SearchResults } from '../search/SearchResults';

/** The workspace's search: results drop down under the box and add what is chosen to the canvas. */
export const WorkspaceSearch = forwardRef<HTMLInputElement, { onOpen(ids: string[]): void }>(function WorkspaceSearch({ onOpen }, ref) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <div className="workspace-search" onKeyDown={(e) => e.key === 'Escape' && text && (e.preventDefault(), setText(''))}>
      <SearchBox ref={ref} onSearch={setText} />
      {text && (
        <div className="search-dropdown" data-testid="search-dropdown">
          <button type="button" className="button small close" onClick={() => setText('')} aria-label={t('search.close')}>
            ×
          </button>
          <SearchResults
            text={text}
            action="search.add"
            onOpen={(ids) => {
              setText('');
              onOpen(ids);
            }}
          />
        </div>
      )}
    </div>
  );
});
