package dev.fulmar.helper.daemon;

import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.spi.AddressText;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import dev.fulmar.helper.run.TunnelException;
import dev.fulmar.helper.tunnel.DiagnoseOutcome;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what the engine and the tunnel report into the control protocol's words: a {@link
 * Failure} (step, code, reason, fix, details) for every way of failing, and {@link
 * SessionDetails} for what was negotiated. Nothing secret is in either source, so nothing secret
 * can come out.
 */
final class Reports {
  private Reports() {}

  /** The engine's failure as the protocol states it. */
  static Failure failure(IkeFailure f) {
    return new Failure(f.step().name(), f.code().name(), f.reason(), f.fix(), f.details());
  }

  /**
   * A failed tunnel step: the engine's failure when it failed, else the operating system's refusal
   * with a code that names the step.
   */
  static Failure failure(TunnelException e) {
    if (e.ikeFailure() != null) {
      return failure(e.ikeFailure());
    }
    FailureStep step = e.step();
    String code;
    String fix;
    switch (step) {
      case RESOLVE_GATEWAY:
        code = "GATEWAY_NOT_FOUND";
        fix = "check the gateway's name in the profile and this computer's DNS";
        break;
      case OPEN_SOCKET:
        code = "SOCKET_FAILED";
        fix = "stop other IPsec software on this computer (it may hold UDP port 4500)";
        break;
      default:
        code = "SYSTEM_CONFIG_FAILED";
        fix = "the helper's log (journalctl -u fulmard) says what the system refused";
        break;
    }
    String message = e.getMessage() == null ? step + " failed" : e.getMessage();
    return new Failure(step.name(), code, message, fix, Map.of());
  }

  /** What an established tunnel negotiated; {@code network} is null for a diagnose. */
  static SessionDetails details(SessionInfo s, TunnelNetworkConfig network) {
    boolean full = network != null ? network.mode() == RoutingMode.FULL
        : s.child().remoteSelectors().stream().anyMatch(Reports::coversEverything);
    List<String> split = new ArrayList<>();
    if (!full) {
      if (network != null) {
        network.routes().forEach(r -> split.add(r.toString()));
      } else {
        s.child().remoteSelectors().forEach(t -> split.add(t.toString()));
      }
    }
    List<String> kes = s.keyExchanges().stream().map(Algorithm::keyword).toList();
    return new SessionDetails(address(s.gatewayAddress()), String.valueOf(s.localIdentity()),
        String.valueOf(s.remoteIdentity()), s.remoteCertificateSubject(), s.authMethod(),
        s.ikeAlgorithms(), s.child().algorithms(), kes, strings(s.virtualAddresses()),
        strings(s.dnsServers()), s.dnsDomains(), full, split, s.natDetection().describe(),
        s.fragmentation(), s.unprivilegedSourcePort());
  }

  private static boolean coversEverything(TrafficSelector t) {
    String text = t.toString();
    return text.startsWith("0.0.0.0/0") || text.startsWith("::/0");
  }

  /** A diagnose's outcome as the protocol's report. */
  static DiagnoseReport report(DiagnoseOutcome o, long durationMillis) {
    if (!o.ok()) {
      return new DiagnoseReport(false, o.profileName(), o.gatewayHost(), durationMillis, null,
          failure(o.failure()), List.of());
    }
    SessionInfo s = o.info();
    List<String> notes = new ArrayList<>();
    if (s.unprivilegedSourcePort()) {
      notes.add("used source port " + s.localAddress().getPort() + " instead of 500 (not "
          + "running as root)");
    }
    if (!o.deleted()) {
      notes.add("the gateway did not confirm the delete of the SAs");
    }
    return new DiagnoseReport(true, o.profileName(), o.gatewayHost(), s.total().toMillis(),
        details(s, null), null, notes);
  }

  private static List<String> strings(List<InetAddress> list) {
    return list.stream().map(AddressText::of).toList();
  }

  private static String address(InetSocketAddress a) {
    return AddressText.of(a.getAddress()) + ":" + a.getPort();
  }
}
