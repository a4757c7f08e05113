// Buttons that move a value the node found in free text into the identifiers section, where it is
// pseudonymized, or remove it from the text when it is already one of the identifiers.
import type { MoveOffer } from '../../alert-form';
import { useT } from '../../i18n/I18nProvider';
import { label } from '../../labels';

export function MoveOffers({ path, offers, onMove }: { path: string; offers: MoveOffer[]; onMove: (offer: MoveOffer) => void }) {
  const t = useT();
  return (
    <div className="move-offers">
      {offers.map((o, k) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: the same value may be found twice in one text
          key={k}
          type="button"
          className="secondary"
          data-testid="move-to-identifiers"
          data-field={path}
          data-kind={o.kind}
          onClick={() => onMove(o)}
        >
          {o.declared !== undefined
            ? t('offers.remove', { value: o.value, n: o.declared + 1 })
            : t('offers.move', { value: o.value, kind: label.identifierKind(o.kind).toLocaleLowerCase() })}
        </button>
      ))}
    </div>
  );
}
