package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.NatDetection;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * NAT detection in IKE_SA_INIT (RFC 7296 §2.23):
 *
 * <pre>
 *   HDR, ..., N(NAT_DETECTION_SOURCE_IP), N(NAT_DETECTION_DESTINATION_IP)  -->
 *                <--  HDR, ..., N(NAT_DETECTION_SOURCE_IP), N(NAT_DETECTION_DESTINATION_IP)
 *
 *   hash = SHA-1(SPIi | SPIr | IP address | port)        (SPIr = 0 in the request)
 * </pre>
 *
 * <p>A mismatch on either side means a NAT, and IKE moves to port 4500. To force UDP
 * encapsulation without a NAT, our source hash is random, as strongSwan's {@code encap=yes} does:
 * the gateway then sees "NAT in front of the client" and encapsulates ESP. SHA-1 here is the RFC's
 * fixed choice for an equality check, not a security function.
 */
public final class NatDetectionTask implements Task {
  private final TaskContext ctx;
  private boolean done;

  public NatDetectionTask(TaskContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.IKE_SA_INIT;
  }

  @Override
  public Status build(List<Payload> out) {
    long spiI = ctx.sa.spiInitiator();
    byte[] source;
    if (ctx.params.forceUdpEncapsulation()) {
      source = new byte[20];
      ctx.env.random().nextBytes(source);
    } else {
      source = hash(spiI, 0, ctx.hooks.localAddress());
    }
    out.add(NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, source));
    out.add(NotifyPayload.of(NotifyType.NAT_DETECTION_DESTINATION_IP,
        hash(spiI, 0, ctx.hooks.remoteAddress())));
    return Status.NEED_MORE;
  }

  @Override
  public Status process(IkeMessage in) throws TaskFailure {
    done = true;
    List<NotifyPayload> sources = in.payloads(NotifyPayload.class).stream()
        .filter(n -> n.notifyType().equals(NotifyType.NAT_DETECTION_SOURCE_IP)).toList();
    NotifyPayload destination = in.notify(NotifyType.NAT_DETECTION_DESTINATION_IP).orElse(null);
    if (sources.isEmpty() || destination == null) {
      ctx.log.debug("the gateway does not do NAT detection; staying on port {}",
          ctx.hooks.remoteAddress().getPort());
      return Status.DONE;
    }
    long spiI = ctx.sa.spiInitiator();
    long spiR = in.header().responderSpi();
    byte[] gatewayAsSeen = hash(spiI, spiR, ctx.hooks.remoteAddress());
    boolean gatewayBehindNat = sources.stream().noneMatch(n -> Arrays.equals(n.data(),
        gatewayAsSeen));
    boolean usBehindNat =
        !Arrays.equals(destination.data(), hash(spiI, spiR, ctx.hooks.localAddress()));
    boolean forced = ctx.params.forceUdpEncapsulation();
    NatDetection nat = new NatDetection(usBehindNat || forced, gatewayBehindNat, forced);
    ctx.result.nat = nat;
    ctx.log.debug("NAT detection: {}", nat.describe());
    if (nat.udpEncapsulation()) {
      try {
        ctx.hooks.switchToNatT();
      } catch (IOException e) {
        throw TaskFailure.of(FailureStep.OPEN_SOCKET, ErrorCode.SOCKET_FAILED,
            "local", "UDP port 4500", "cause", e.toString()).causedBy(e);
      }
    }
    return Status.DONE;
  }

  /** SHA-1(SPIi | SPIr | IP | port). */
  static byte[] hash(long spiI, long spiR, InetSocketAddress address) {
    byte[] ip = address.getAddress().getAddress();
    ByteBuffer b = ByteBuffer.allocate(16 + ip.length + 2);
    b.putLong(spiI).putLong(spiR).put(ip).putShort((short) address.getPort());
    try {
      return MessageDigest.getInstance("SHA-1").digest(b.array());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every JRE", e);
    }
  }
}
