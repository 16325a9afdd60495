package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Proposal;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.Transform;
import dev.fulmar.core.ike.message.TransformAttribute;
import dev.fulmar.core.ike.message.TransformType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns our proposals into SA payloads and checks the one the gateway chose (RFC 7296 §3.3.6):
 * one proposal, one transform of each type, every transform one we offered in that proposal. A
 * weak algorithm is refused by name even if it came unasked; anything else unasked is a protocol
 * error.
 */
final class Proposals {
  private Proposals() {}

  /** The IKE SA payload of IKE_SA_INIT, proposals numbered from 1. */
  static SaPayload ikeOffer(List<IkeProposal> proposals) {
    List<Proposal> out = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      out.add(Proposal.ike(i + 1, transforms(proposals.get(i))));
    }
    return new SaPayload(out);
  }

  /** The IKE SA payload of an IKE SA rekey (RFC 7296 §1.3.2): our new SPI in every proposal. */
  static SaPayload ikeRekeyOffer(List<IkeProposal> proposals, long newSpi) {
    List<Proposal> out = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      out.add(Proposal.ikeRekey(i + 1, newSpi, transforms(proposals.get(i))));
    }
    return new SaPayload(out);
  }

  /**
   * The ESP SA payload of a CHILD SA, with our inbound SPI in every proposal; PFS and additional
   * key exchange transforms as the proposals have them (none for the CHILD SA of IKE_AUTH).
   */
  static SaPayload espOffer(List<EspProposal> proposals, int inboundSpi) {
    List<Proposal> out = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      EspProposal p = proposals.get(i);
      List<Transform> t = new ArrayList<>();
      p.encryption().forEach(a -> t.add(transform(TransformType.ENCR, a)));
      p.integrity().forEach(a -> t.add(transform(TransformType.INTEG, a)));
      p.keyExchange().forEach(a -> t.add(transform(TransformType.KE, a)));
      for (int slot = 0; slot < p.additionalKeyExchanges().size(); slot++) {
        TransformType type = TransformType.additionalKeyExchange(slot + 1);
        p.additionalKeyExchanges().get(slot).forEach(a -> t.add(transform(type, a)));
      }
      p.esn().forEach(a -> t.add(transform(TransformType.ESN, a)));
      out.add(Proposal.esp(i + 1, inboundSpi, t));
    }
    return new SaPayload(out);
  }

  private static List<Transform> transforms(IkeProposal p) {
    List<Transform> t = new ArrayList<>();
    p.encryption().forEach(a -> t.add(transform(TransformType.ENCR, a)));
    p.prf().forEach(a -> t.add(transform(TransformType.PRF, a)));
    p.integrity().forEach(a -> t.add(transform(TransformType.INTEG, a)));
    p.keyExchange().forEach(a -> t.add(transform(TransformType.KE, a)));
    for (int slot = 0; slot < p.additionalKeyExchanges().size(); slot++) {
      TransformType type = TransformType.additionalKeyExchange(slot + 1);
      p.additionalKeyExchanges().get(slot).forEach(a -> t.add(transform(type, a)));
    }
    return t;
  }

  static Transform transform(TransformType type, Algorithm a) {
    List<TransformAttribute> attrs =
        a.keyBits() > 0 ? List.of(TransformAttribute.keyLength(a.keyBits())) : List.of();
    return new Transform(type, a.transformId(), attrs);
  }

  /** What the gateway chose for the IKE SA. */
  record IkeChoice(
      IkeProposal offered,
      Algorithm encryption,
      Algorithm integrity,
      Algorithm prf,
      Algorithm keyExchange,
      List<Algorithm> additionalKeyExchanges) {}

  /** What the gateway chose for an ESP SA. */
  record EspChoice(
      long gatewaySpi, Algorithm encryption, Algorithm integrity, Algorithm keyExchange,
      Algorithm esn, List<Algorithm> additionalKeyExchanges) {}

  static IkeChoice ikeChoice(SaPayload reply, List<IkeProposal> offered) throws TaskFailure {
    return ikeChoice(reply, offered, FailureStep.IKE_SA_INIT);
  }

  static IkeChoice ikeChoice(SaPayload reply, List<IkeProposal> offered, FailureStep step)
      throws TaskFailure {
    Proposal chosen = single(reply, ProtocolId.IKE, offered.size(), step);
    IkeProposal ours = offered.get(chosen.number() - 1);
    Algorithm enc = pick(chosen, TransformType.ENCR, ours.encryption(), step).orElseThrow(
        () -> missing("encryption", step));
    Algorithm prf = pick(chosen, TransformType.PRF, ours.prf(), step).orElseThrow(
        () -> missing("PRF", step));
    Algorithm integ = pick(chosen, TransformType.INTEG, ours.integrity(), step).orElse(null);
    if (!enc.isAead() && integ == null) {
      throw missing("integrity", step);
    }
    Algorithm ke = pick(chosen, TransformType.KE, ours.keyExchange(), step).orElseThrow(
        () -> missing("key exchange", step));
    List<Algorithm> extra = new ArrayList<>();
    for (int slot = 0; slot < ours.additionalKeyExchanges().size(); slot++) {
      List<Algorithm> allowed = ours.additionalKeyExchanges().get(slot);
      TransformType type = TransformType.additionalKeyExchange(slot + 1);
      Optional<Algorithm> a = pick(chosen, type, allowed, step);
      if (a.isEmpty() && !allowed.isEmpty() && !allowed.contains(Algorithm.KE_NONE)) {
        throw missing("additional key exchange " + (slot + 1), step);
      }
      a.filter(x -> x != Algorithm.KE_NONE).ifPresent(extra::add);
    }
    return new IkeChoice(ours, enc, integ, prf, ke, extra);
  }

  static EspChoice espChoice(SaPayload reply, List<EspProposal> offered) throws TaskFailure {
    return espChoice(reply, offered, FailureStep.CHILD_SA);
  }

  static EspChoice espChoice(SaPayload reply, List<EspProposal> offered, FailureStep step)
      throws TaskFailure {
    Proposal chosen = single(reply, ProtocolId.ESP, offered.size(), step);
    if (chosen.spi().length != 4 || chosen.spiValue() == 0) {
      throw protocol(step, "the gateway's ESP SPI is not four non-zero octets");
    }
    EspProposal ours = offered.get(chosen.number() - 1);
    Algorithm enc = pick(chosen, TransformType.ENCR, ours.encryption(), step).orElseThrow(
        () -> missing("ESP encryption", step));
    Algorithm integ = pick(chosen, TransformType.INTEG, ours.integrity(), step).orElse(null);
    if (!enc.isAead() && integ == null) {
      throw missing("ESP integrity", step);
    }
    Algorithm ke = pick(chosen, TransformType.KE, ours.keyExchange(), step).orElse(null);
    if (ke == null && !ours.keyExchange().isEmpty()) {
      throw missing("ESP key exchange (PFS)", step);
    }
    Algorithm esn = pick(chosen, TransformType.ESN, ours.esn(), step).orElse(Algorithm.NO_ESN);
    List<Algorithm> extra = new ArrayList<>();
    for (int slot = 0; slot < IkeProposal.MAX_ADDITIONAL_KEY_EXCHANGES; slot++) {
      List<Algorithm> allowed = slot < ours.additionalKeyExchanges().size()
          ? ours.additionalKeyExchanges().get(slot) : List.of();
      TransformType type = TransformType.additionalKeyExchange(slot + 1);
      Optional<Algorithm> a = pick(chosen, type, allowed, step);
      if (a.isEmpty() && !allowed.isEmpty() && !allowed.contains(Algorithm.KE_NONE)) {
        throw missing("additional key exchange " + (slot + 1), step);
      }
      a.filter(x -> x != Algorithm.KE_NONE).ifPresent(extra::add);
    }
    if (!extra.isEmpty() && ke == null) {
      throw protocol(step, "the gateway chose additional key exchanges without a first one");
    }
    return new EspChoice(chosen.spiValue(), enc, integ, ke, esn, extra);
  }

  /** The SPI of the one proposal of the gateway's answer (its new IKE SPI in a rekey). */
  static long chosenSpi(SaPayload reply, int length, FailureStep step) throws TaskFailure {
    Proposal p = reply.proposals().get(0);
    if (p.spi().length != length || p.spiValue() == 0) {
      throw protocol(step, "the gateway's SPI is not " + length + " non-zero octets");
    }
    return p.spiValue();
  }

  private static Proposal single(SaPayload reply, ProtocolId protocol, int offered,
      FailureStep step) throws TaskFailure {
    if (reply.proposals().size() != 1) {
      throw protocol(step, "the gateway answered with " + reply.proposals().size()
          + " proposals instead of one");
    }
    Proposal p = reply.proposals().get(0);
    if (!p.protocol().equals(protocol) || p.number() < 1 || p.number() > offered) {
      throw protocol(step, "the gateway chose proposal " + p.number() + " for " + p.protocol()
          + ", which we did not offer");
    }
    return p;
  }

  /** The one transform of {@code type}, which must be among {@code allowed}. */
  private static Optional<Algorithm> pick(Proposal p, TransformType type, List<Algorithm> allowed,
      FailureStep step) throws TaskFailure {
    List<Transform> ts = p.transforms(type);
    if (ts.isEmpty()) {
      return Optional.empty();
    }
    if (ts.size() > 1) {
      throw protocol(step, "the gateway chose " + ts.size() + " transforms of type " + type);
    }
    Transform t = ts.get(0);
    Algorithm.Kind kind = kindOf(type);
    int bits = t.keyLength().orElse(0);
    Optional<Algorithm> known = Algorithm.find(kind, t.id(), bits);
    if (known.isEmpty() && bits != 0) {
      known = Algorithm.find(kind, t.id(), 0);
    }
    if (known.isPresent() && known.get().isWeak()) {
      throw TaskFailure.of(step, ErrorCode.WEAK_ALGORITHM,
          "who", "the gateway chose", "algorithm", known.get().displayName())
          .notifying(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN));
    }
    if (known.isEmpty() || !allowed.contains(known.get())) {
      throw protocol(step, "the gateway chose " + t.idName()
          + (bits > 0 ? " (" + bits + " bits)" : "") + ", which we did not offer");
    }
    return known;
  }

  static Algorithm.Kind kindOf(TransformType type) {
    if (type.equals(TransformType.ENCR)) {
      return Algorithm.Kind.ENCRYPTION;
    } else if (type.equals(TransformType.PRF)) {
      return Algorithm.Kind.PRF;
    } else if (type.equals(TransformType.INTEG)) {
      return Algorithm.Kind.INTEGRITY;
    } else if (type.equals(TransformType.ESN)) {
      return Algorithm.Kind.ESN;
    }
    return Algorithm.Kind.KEY_EXCHANGE;
  }

  private static TaskFailure missing(String what, FailureStep step) {
    return protocol(step, "the gateway's chosen proposal has no " + what + " transform");
  }

  static TaskFailure protocol(FailureStep step, String detail) {
    return TaskFailure.of(step, ErrorCode.PROTOCOL_ERROR, "detail", detail)
        .notifying(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN));
  }

  /** The offer in strongSwan syntax, for failure messages. */
  static String describeIke(List<IkeProposal> offered) {
    List<String> s = new ArrayList<>();
    offered.forEach(p -> s.add(p.toString()));
    return String.join(", ", s);
  }

  static String describeEsp(List<EspProposal> offered) {
    List<String> s = new ArrayList<>();
    offered.forEach(p -> s.add(p.toString()));
    return String.join(", ", s);
  }
}
