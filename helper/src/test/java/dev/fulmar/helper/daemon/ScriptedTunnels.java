package dev.fulmar.helper.daemon;

import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.helper.control.TrafficCounters;
import dev.fulmar.helper.run.Tunnel;
import dev.fulmar.helper.run.TunnelException;
import dev.fulmar.helper.run.TunnelState;
import dev.fulmar.helper.tunnel.Credentials;
import dev.fulmar.profiles.model.Profile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tunnels that behave as scripted: ask for the secret as the engine would, fail at a step, hang
 * until closed, or end by themselves later. Records the secret they got and whether they were
 * closed.
 */
final class ScriptedTunnels implements TunnelFactory {
  volatile TunnelException failConnect;
  volatile boolean hangUntilClosed;
  volatile Live last;
  /** The gateway the tunnels report as in use (a fallback); null for the profile's primary. */
  volatile String gatewayInUse;
  final CountDownLatch connecting = new CountDownLatch(1);

  @Override
  public LiveTunnel open(Profile profile, Credentials credentials, Tunnel.Listener listener) {
    Live l = new Live(profile, credentials, listener);
    last = l;
    return l;
  }

  static SessionDetails details(String gateway) {
    return new SessionDetails(gateway + ":4500", "alice", gateway, "CN=" + gateway,
        "EAP-MSCHAPv2", "aes256gcm16-prfsha384-ecp384", "aes256gcm16", List.of("ecp384"),
        List.of("10.201.0.1"), List.of("10.200.0.53"), List.of(), false,
        List.of("10.200.0.0/24"), "NAT on our side", true, false);
  }

  final class Live implements LiveTunnel {
    final Profile profile;
    final Credentials credentials;
    final Tunnel.Listener listener;
    final CompletableFuture<String> ended = new CompletableFuture<>();
    final CountDownLatch closedLatch = new CountDownLatch(1);
    volatile String secret;
    volatile boolean closed;
    volatile Failure endFailure;
    volatile Failure reconnectReason;
    volatile TrafficCounters counters = new TrafficCounters(0, 0, 0, 0);

    Live(Profile profile, Credentials credentials, Tunnel.Listener listener) {
      this.profile = profile;
      this.credentials = credentials;
      this.listener = listener;
    }

    @Override
    public String gateway() {
      return gatewayInUse != null ? gatewayInUse : profile.gateway().host();
    }

    @Override
    public void connect() throws TunnelException {
      listener.onState(TunnelState.CONNECTING, "to " + profile.gateway().host());
      connecting.countDown();
      if (hangUntilClosed) {
        await();
        throw TunnelException.of(IkeFailure.of(FailureStep.IKE_AUTH, ErrorCode.CANCELLED));
      }
      // As the engine does at EAP time: asks for the password (a prompt when none was given).
      char[] s = credentials.now("password for alice at " + profile.gateway().host())
          .orElseThrow(() -> TunnelException.of(IkeFailure.of(FailureStep.IKE_AUTH,
              ErrorCode.CREDENTIALS_MISSING, "what", "password")));
      secret = new String(s);
      if (closed) {
        throw TunnelException.of(IkeFailure.of(FailureStep.IKE_AUTH, ErrorCode.CANCELLED));
      }
      if (failConnect != null) {
        throw failConnect;
      }
      listener.onState(TunnelState.UP, "fulmar0");
    }

    private void await() {
      try {
        closedLatch.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public SessionDetails details() {
      return ScriptedTunnels.details(profile.gateway().host());
    }

    @Override
    public TrafficCounters counters() {
      return counters;
    }

    @Override
    public CompletableFuture<String> ended() {
      return ended;
    }

    @Override
    public Optional<Failure> reconnectReason() {
      return Optional.ofNullable(reconnectReason);
    }

    @Override
    public Optional<Failure> endFailure() {
      return Optional.ofNullable(endFailure);
    }

    @Override
    public void close() {
      closed = true;
      listener.onState(TunnelState.DISCONNECTING, "");
      listener.onState(TunnelState.DOWN, "system restored");
      closedLatch.countDown();
      ended.complete("closed");
    }

    /** The gateway deletes the IKE SA. */
    void deletedByGateway() {
      endFailure = new Failure("ESTABLISHED", "PEER_DELETED", "the gateway closed the connection",
          "connect again", Map.of());
      ended.complete("the gateway closed the connection");
    }
  }
}
