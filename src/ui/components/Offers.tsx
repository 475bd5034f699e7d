// "A seat is free": per community with a capacity and someone waiting, the first waitlisted
// applicant (first waitlisted, first offered; src/shared/clientRules.ts, the rule the server uses).
import { nextFromWaitlist } from '../../shared/clientRules';
import type { WireApplication, WireCommunity } from '../../shared/wire';
import type { Indexed } from '../review/filter';
import { plural } from '../review/format';

export interface Offer {
  community: WireCommunity;
  app: WireApplication;
  name: string;
  freeSeats: number;
}

export function offerFor(index: readonly Indexed[], c: WireCommunity): Offer | null {
  const rows = index.map((i) => ({
    app: i.app,
    name: i.fullName,
    status: i.app.status,
    community: i.app.community,
    waitlistedAt: i.app.decidedAt ? Date.parse(i.app.decidedAt) : Number.MAX_SAFE_INTEGER,
    submittedAt: i.app.submittedAt ? Date.parse(i.app.submittedAt) : Number.MAX_SAFE_INTEGER,
    order: i.order,
  }));
  const offer = nextFromWaitlist(rows, c);
  return offer ? { community: c, app: offer.next.app, name: offer.next.name, freeSeats: offer.freeSeats } : null;
}

export function OfferBlock({ offer, disabled, onOffer }: { offer: Offer; disabled: boolean; onOffer: (offer: Offer) => void }) {
  return (
    <div class="offer">
      <p>
        {offer.community.name}: {plural(offer.freeSeats, 'seat')} free. Next on the waiting list: {offer.name}.
      </p>
      <button type="button" class="action" disabled={disabled} onClick={() => onOffer(offer)}>
        Offer the seat to {offer.name}
      </button>
    </div>
  );
}

export function Offers({
  communities,
  index,
  disabled,
  onOffer,
}: {
  communities: readonly WireCommunity[];
  index: readonly Indexed[];
  disabled: boolean;
  onOffer: (offer: Offer) => void;
}) {
  const offers = communities.map((c) => offerFor(index, c)).filter((o): o is Offer => o !== null);
  if (offers.length === 0) return null;
  return (
    <div class="offers">
      {offers.map((o) => (
        <OfferBlock key={o.community.key} offer={o} disabled={disabled} onOffer={onOffer} />
      ))}
    </div>
  );
}
