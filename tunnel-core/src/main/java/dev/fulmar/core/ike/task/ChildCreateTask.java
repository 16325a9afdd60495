package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.ChildSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.RefusedAlgorithmException;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.TsPayload;
import dev.fulmar.core.ike.sa.ChildSa;
import java.util.ArrayList;
import java.util.List;

/**
 * The first CHILD SA, negotiated inside IKE_AUTH (RFC 7296 §1.2, §2.9, §2.17):
 *
 * <pre>
 *   HDR, SK {..., SAi2, TSi, TSr}  -->                       (first IKE_AUTH request)
 *                 <--  HDR, SK {..., SAr2, TSi, TSr}          (final IKE_AUTH response)
 * </pre>
 *
 * <p>Tunnel mode, ESP, no PFS (key exchange transforms are left out of IKE_AUTH proposals, as
 * the RFC creates this SA from SK_d without one). The gateway may narrow the selectors but not
 * widen them; KEYMAT = prf+(SK_d, Ni | Nr). In a re-authentication the new SA replaces the old
 * IKE SA's CHILD SA in the data path, make-before-break.
 */
public final class ChildCreateTask implements Task {
  private final TaskContext ctx;
  private final List<EspProposal> offered;
  private int inboundSpi;
  private boolean requested;
  private boolean done;

  public ChildCreateTask(TaskContext ctx) {
    this.ctx = ctx;
    this.offered = withoutKeyExchange(ctx.params.espProposals());
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.IKE_AUTH;
  }

  @Override
  public Status build(List<Payload> out) {
    if (!requested) {
      do {
        inboundSpi = ctx.env.random().nextInt();
      } while ((inboundSpi & 0xffffffffL) < 256);
      out.add(Proposals.espOffer(offered, inboundSpi));
      out.add(new TsPayload(true, Selectors.toWire(ctx.params.localSelectors())));
      out.add(new TsPayload(false, Selectors.toWire(ctx.params.remoteSelectors())));
      requested = true;
    }
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    if (!ctx.ikeAuthComplete) {
      return Status.NEED_MORE;
    }
    done = true;
    checkErrors(in);
    SaPayload sa = IkeAuthTask.required(in, SaPayload.class, "SA");
    if (in.notify(NotifyType.USE_TRANSPORT_MODE).isPresent()) {
      throw Proposals.protocol(FailureStep.CHILD_SA, "the gateway chose transport mode");
    }
    Proposals.EspChoice choice = Proposals.espChoice(sa, offered);
    List<TrafficSelector> tsi = selectors(in, true);
    List<TrafficSelector> tsr = selectors(in, false);
    ChildSaKeys keys = keys(choice);
    ChildSaInfo info = new ChildSaInfo(inboundSpi & 0xffffffffL, choice.gatewaySpi(),
        choice.encryption(), choice.integrity(), null, choice.esn() == Algorithm.ESN, tsi, tsr);
    KeyLogger.childSa(ctx, choice, info.inboundSpi(), keys);
    long replacing = ctx.replacing();
    EspInstall.install(ctx.params.saInstaller(), info, keys, ctx.hooks.remoteAddress(),
        replacing < 0 ? EspInstall.Mode.NEW : EspInstall.Mode.REPLACE, replacing,
        dev.fulmar.core.ike.crypto.Role.INITIATOR);
    ChildSa child = new ChildSa(info, keys);
    ctx.sa.children().add(child);
    ctx.hooks.childSaInstalled(child);
    ctx.result.child = info;
    ctx.log.info("CHILD SA {} {}_i {}_o, {} === {}", info.algorithms(),
        String.format("%08x", info.inboundSpi()), String.format("%08x", info.outboundSpi()),
        tsi, tsr);
    return Status.DONE;
  }

  private void checkErrors(IkeMessage in) throws TaskFailure {
    FailureStep step = FailureStep.CHILD_SA;
    if (PeerErrors.has(in, NotifyType.NO_PROPOSAL_CHOSEN)) {
      throw TaskFailure.of(step, ErrorCode.CHILD_NO_PROPOSAL_CHOSEN,
          "offered", Proposals.describeEsp(offered));
    }
    if (PeerErrors.has(in, NotifyType.TS_UNACCEPTABLE)
        || PeerErrors.has(in, NotifyType.SINGLE_PAIR_REQUIRED)) {
      throw TaskFailure.of(step, ErrorCode.TRAFFIC_SELECTORS_UNACCEPTABLE,
          "requested", ctx.params.localSelectors() + " === " + ctx.params.remoteSelectors());
    }
    if (PeerErrors.has(in, NotifyType.INTERNAL_ADDRESS_FAILURE)
        || PeerErrors.has(in, NotifyType.FAILED_CP_REQUIRED)) {
      throw TaskFailure.of(step, ErrorCode.NO_VIRTUAL_ADDRESS,
          "detail", in.payloads(NotifyPayload.class).stream().filter(NotifyPayload::isError)
              .map(n -> n.notifyType().toString()).findFirst().orElse("?"));
    }
    PeerErrors.check(in, step, "IKE_AUTH", null);
  }

  private List<TrafficSelector> selectors(IkeMessage in, boolean initiator) throws TaskFailure {
    TsPayload ts = in.payloads(TsPayload.class).stream()
        .filter(t -> t.initiator() == initiator).findFirst()
        .orElseThrow(() -> Proposals.protocol(FailureStep.CHILD_SA,
            "the gateway's answer has no " + (initiator ? "TSi" : "TSr")));
    List<TrafficSelector> got;
    try {
      got = Selectors.fromWire(ts.selectors());
    } catch (IllegalArgumentException e) {
      throw Proposals.protocol(FailureStep.CHILD_SA, "the gateway's "
          + (initiator ? "TSi" : "TSr") + " is not a valid range: " + e.getMessage());
    }
    List<TrafficSelector> proposed =
        initiator ? ctx.params.localSelectors() : ctx.params.remoteSelectors();
    if (got.isEmpty() || !Selectors.within(got, proposed)) {
      throw Proposals.protocol(FailureStep.CHILD_SA, "the gateway widened the traffic selectors"
          + " to " + got + " (we proposed " + proposed + ")");
    }
    return got;
  }

  private ChildSaKeys keys(Proposals.EspChoice c) throws TaskFailure {
    try {
      Algorithm integ = c.integrity();
      ChildSuite suite = ChildSuite.of(c.encryption().transformId(), c.encryption().keyBits(),
          integ == null ? 0 : integ.transformId(), List.of());
      return KeyDerivation.childSaKeys(ctx.sa.keys().material(), suite, List.of(),
          ctx.nonceI, ctx.nonceR);
    } catch (RefusedAlgorithmException e) {
      throw TaskFailure.of(FailureStep.CHILD_SA, ErrorCode.WEAK_ALGORITHM,
          "who", "the gateway chose", "algorithm", e.getMessage()).causedBy(e);
    }
  }

  private static List<EspProposal> withoutKeyExchange(List<EspProposal> proposals) {
    List<EspProposal> out = new ArrayList<>();
    for (EspProposal p : proposals) {
      out.add(p.withoutKeyExchange());
    }
    return out;
  }
}
