package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.NatDetection;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * Moves the IKE SA and its CHILD SAs to our new address (MOBIKE, RFC 4555 §3.5), sent from the new
 * address:
 *
 * <pre>
 *   HDR, SK {N(UPDATE_SA_ADDRESSES), N(NAT_DETECTION_SOURCE_IP), N(NAT_DETECTION_DESTINATION_IP),
 *            N(COOKIE2)}  -->
 *          <--  HDR, SK {N(NAT_DETECTION_SOURCE_IP), N(NAT_DETECTION_DESTINATION_IP), N(COOKIE2)}
 * </pre>
 *
 * The gateway takes the addresses from the IP header of the request; NAT detection is redone
 * with the new address, and COOKIE2 must come back unchanged (§3.8, return routability). An
 * UNACCEPTABLE_ADDRESSES answer (§3.9) means the tunnel cannot move: it is set up again.
 */
public final class MobikeUpdateTask implements Task {
  private static final int COOKIE2_LENGTH = 16;
  private final TaskContext ctx;
  private byte[] cookie2;
  private boolean done;

  public MobikeUpdateTask(TaskContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.INFORMATIONAL;
  }

  @Override
  public Task movedTo(TaskContext next) {
    return cookie2 == null ? new MobikeUpdateTask(next) : null;
  }

  @Override
  public Status build(List<Payload> out) {
    long spiI = ctx.sa.spiInitiator();
    long spiR = ctx.sa.spiResponder();
    cookie2 = new byte[COOKIE2_LENGTH];
    ctx.env.random().nextBytes(cookie2);
    byte[] source = ctx.params.forceUdpEncapsulation() ? random20()
        : NatDetectionTask.hash(spiI, spiR, ctx.hooks.localAddress());
    out.add(NotifyPayload.of(NotifyType.UPDATE_SA_ADDRESSES));
    out.add(NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, source));
    out.add(NotifyPayload.of(NotifyType.NAT_DETECTION_DESTINATION_IP,
        NatDetectionTask.hash(spiI, spiR, ctx.hooks.remoteAddress())));
    out.add(NotifyPayload.of(NotifyType.COOKIE2, cookie2));
    return Status.NEED_MORE;
  }

  private byte[] random20() {
    byte[] b = new byte[20];
    ctx.env.random().nextBytes(b);
    return b;
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    done = true;
    if (PeerErrors.has(in, NotifyType.UNACCEPTABLE_ADDRESSES)) {
      throw TaskFailure.of(FailureStep.MOBIKE, ErrorCode.NETWORK_CHANGED,
          "local", ctx.hooks.localAddress().getAddress().getHostAddress(),
          "detail", "the gateway does not accept the new address");
    }
    PeerErrors.check(in, FailureStep.MOBIKE, "INFORMATIONAL", null);
    byte[] echoed = in.notify(NotifyType.COOKIE2).map(NotifyPayload::data).orElse(null);
    if (echoed == null || !MessageDigest.isEqual(echoed, cookie2)) {
      throw Proposals.protocol(FailureStep.MOBIKE, "the gateway's answer to UPDATE_SA_ADDRESSES"
          + " does not return our COOKIE2");
    }
    NotifyPayload dst = in.notify(NotifyType.NAT_DETECTION_DESTINATION_IP).orElse(null);
    if (dst != null) {
      boolean usBehindNat = !Arrays.equals(dst.data(), NatDetectionTask.hash(
          ctx.sa.spiInitiator(), ctx.sa.spiResponder(), ctx.hooks.localAddress()));
      boolean forced = ctx.params.forceUdpEncapsulation();
      NatDetection before = ctx.result.nat;
      ctx.result.nat = new NatDetection(usBehindNat || forced, before.gatewayBehindNat(),
          forced);
    }
    ctx.log.info("MOBIKE: the gateway moved the SAs to {}", ctx.hooks.localAddress());
    ctx.hooks.addressesUpdated();
    return Status.DONE;
  }
}
