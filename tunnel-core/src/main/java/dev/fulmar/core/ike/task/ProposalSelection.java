package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Proposal;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.Transform;
import dev.fulmar.core.ike.message.TransformType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks from the gateway's offer when the gateway starts a CREATE_CHILD_SA (RFC 7296 §2.7): the
 * first of its proposals that one of ours accepts, one transform of each type, the key exchange
 * its KE payload used when that one is allowed. Weak algorithms are never chosen: only what our
 * proposals name is (for PFS without a configured method, any key exchange {@link
 * Algorithm#isWeak() not weak}).
 */
final class ProposalSelection {
  /** The chosen proposal, as the answer's SA payload carries it, and its algorithms. */
  record Selected(
      Proposal answer,
      long peerSpi,
      Algorithm encryption,
      Algorithm integrity,
      Algorithm prf,
      Algorithm keyExchange,
      List<Algorithm> additionalKeyExchanges,
      Algorithm esn) {}

  private ProposalSelection() {}

  /**
   * Our choice among ESP proposals, or the notify to refuse with: NO_PROPOSAL_CHOSEN, or
   * INVALID_KE_PAYLOAD naming the method we want when the KE payload carries another one.
   */
  static Object esp(SaPayload offer, List<EspProposal> ours, Optional<KePayload> ke,
      int ourSpi) {
    Algorithm wantedKe = null;
    for (Proposal p : offer.proposals()) {
      if (!p.protocol().equals(ProtocolId.ESP) || p.spi().length != 4 || p.spiValue() == 0) {
        continue;
      }
      for (EspProposal q : ours) {
        List<Transform> chosen = new ArrayList<>();
        Algorithm enc = pick(p, TransformType.ENCR, q.encryption(), chosen);
        Algorithm integ = q.integrity().isEmpty() ? null
            : pick(p, TransformType.INTEG, q.integrity(), chosen);
        Algorithm esn = pick(p, TransformType.ESN, q.esn(), chosen);
        if (enc == null || (integ == null && !enc.isAead()) || esn == null) {
          continue;
        }
        KeChoice k = keyExchange(p, q.keyExchange(), ke, chosen);
        if (k.wanted() != null) {
          wantedKe = wantedKe == null ? k.wanted() : wantedKe;
          continue;
        }
        if (!k.acceptable()) {
          continue;
        }
        Algorithm kex = k.method();
        List<Algorithm> extra = additional(p, q.additionalKeyExchanges(), chosen);
        if (extra == null || (!extra.isEmpty() && kex == null)) {
          continue;
        }
        return new Selected(Proposal.esp(p.number(), ourSpi, chosen), p.spiValue(), enc, integ,
            null, kex, extra, esn);
      }
    }
    return refusal(wantedKe);
  }

  /** Our choice among IKE proposals for an IKE SA rekey (a key exchange is mandatory). */
  static Object ike(SaPayload offer, List<IkeProposal> ours, KePayload ke, long ourSpi) {
    Algorithm wantedKe = null;
    for (Proposal p : offer.proposals()) {
      if (!p.protocol().equals(ProtocolId.IKE) || p.spi().length != 8 || p.spiValue() == 0) {
        continue;
      }
      for (IkeProposal q : ours) {
        List<Transform> chosen = new ArrayList<>();
        Algorithm enc = pick(p, TransformType.ENCR, q.encryption(), chosen);
        Algorithm prf = pick(p, TransformType.PRF, q.prf(), chosen);
        Algorithm integ = q.integrity().isEmpty() ? null
            : pick(p, TransformType.INTEG, q.integrity(), chosen);
        if (enc == null || prf == null || (integ == null && !enc.isAead())) {
          continue;
        }
        KeChoice k = keyExchange(p, q.keyExchange(), Optional.of(ke), chosen);
        if (k.wanted() != null) {
          wantedKe = wantedKe == null ? k.wanted() : wantedKe;
          continue;
        }
        if (!k.acceptable() || k.method() == null) {
          continue;
        }
        List<Algorithm> extra = additional(p, q.additionalKeyExchanges(), chosen);
        if (extra == null) {
          continue;
        }
        return new Selected(Proposal.ikeRekey(p.number(), ourSpi, chosen), p.spiValue(), enc,
            integ, prf, k.method(), extra, null);
      }
    }
    return refusal(wantedKe);
  }

  private static NotifyPayload refusal(Algorithm wantedKe) {
    if (wantedKe != null) {
      int id = wantedKe.transformId();
      return NotifyPayload.of(NotifyType.INVALID_KE_PAYLOAD,
          new byte[] {(byte) (id >>> 8), (byte) id});
    }
    return NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN);
  }

  /**
   * The key exchange verdict for one proposal: {@code acceptable} with {@code method} (null: no
   * PFS), or {@code wanted} when the KE payload carries another acceptable method.
   */
  private record KeChoice(boolean acceptable, Algorithm method, Algorithm wanted) {
    static final KeChoice REFUSED = new KeChoice(false, null, null);
  }

  private static KeChoice keyExchange(Proposal p, List<Algorithm> allowed,
      Optional<KePayload> ke, List<Transform> chosen) {
    List<Transform> offered = p.transforms(TransformType.KE);
    if (offered.isEmpty() || offered.stream().allMatch(t -> t.id() == 0)) {
      return allowed.isEmpty() && ke.isEmpty() ? new KeChoice(true, null, null)
          : KeChoice.REFUSED;
    }
    Algorithm first = null;
    for (Transform t : offered) {
      Algorithm a = Algorithm.find(Algorithm.Kind.KEY_EXCHANGE, t.id(), 0).orElse(null);
      boolean ok = a != null && a != Algorithm.KE_NONE && !a.isWeak()
          && (allowed.isEmpty() || allowed.contains(a));
      if (!ok) {
        continue;
      }
      if (ke.isPresent() && ke.get().method().value() == a.transformId()) {
        chosen.add(t);
        return new KeChoice(true, a, null);
      }
      first = first == null ? a : first;
    }
    if (first == null || ke.isEmpty()) {
      return KeChoice.REFUSED;
    }
    return new KeChoice(false, null, first);
  }

  /** The additional key exchanges of {@code p} we accept, in slot order, or null if none fits. */
  private static List<Algorithm> additional(Proposal p, List<List<Algorithm>> allowed,
      List<Transform> chosen) {
    List<Algorithm> out = new ArrayList<>();
    for (int slot = 0; slot < IkeProposal.MAX_ADDITIONAL_KEY_EXCHANGES; slot++) {
      TransformType type = TransformType.additionalKeyExchange(slot + 1);
      List<Transform> offered = p.transforms(type);
      if (offered.isEmpty()) {
        continue;
      }
      List<Algorithm> ours = slot < allowed.size() ? allowed.get(slot) : List.of();
      Transform pick = null;
      for (Transform t : offered) {
        Algorithm a = Algorithm.find(Algorithm.Kind.KEY_EXCHANGE, t.id(), 0).orElse(null);
        boolean none = t.id() == 0 && (ours.isEmpty() || ours.contains(Algorithm.KE_NONE));
        boolean ok = a != null && a != Algorithm.KE_NONE && ours.contains(a) && !a.isWeak();
        if (ok || none) {
          pick = t;
          if (ok) {
            out.add(a);
          }
          break;
        }
      }
      if (pick == null) {
        return null;
      }
      chosen.add(pick);
    }
    return out;
  }

  /** The transform of {@code type} in {@code p} that {@code allowed} names first, added. */
  private static Algorithm pick(Proposal p, TransformType type, List<Algorithm> allowed,
      List<Transform> chosen) {
    Algorithm.Kind kind = Proposals.kindOf(type);
    for (Transform t : p.transforms(type)) {
      int bits = t.keyLength().orElse(0);
      Optional<Algorithm> a = Algorithm.find(kind, t.id(), bits);
      if (a.isPresent() && allowed.contains(a.get()) && !a.get().isWeak()) {
        chosen.add(t);
        return a.get();
      }
    }
    return null;
  }
}
