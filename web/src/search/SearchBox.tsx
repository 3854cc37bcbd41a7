import { forwardRef, useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** The search field: phone, card (or its last digits), name, case number, handle. `/` focuses it. */
export const SearchBox = forwardRef<HTMLInputElement, { initial?: string; onSearch(text: string): void; large?: boolean }>(function SearchBox(
  { initial = '', onSearch, large },
  ref,
) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const id = useId();
  useEffect(() => setText(initial), [initial]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onSearch(text.trim());
  };
  return (
    <form role="search" className={large ? 'search-box large' : 'search-box'} onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={ref}
        id={id}
        type="search"
        name="q"
        value={text}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        onChange={(e) => setText(e.target.value)}
        data-testid="search-input"
      />
      <button type="submit" className="button primary">
        {t('search.submit')}
      </button>
    </form>
  );
});
