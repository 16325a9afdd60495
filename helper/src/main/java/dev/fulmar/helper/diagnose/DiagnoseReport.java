package dev.fulmar.helper.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.ExchangeTiming;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.spi.AddressText;
import dev.fulmar.helper.tunnel.DiagnoseOutcome;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link DiagnoseOutcome} for people (aligned lines read at a glance) or for scripts (one
 * JSON object). Nothing secret is in an outcome, so nothing secret can be printed.
 */
public final class DiagnoseReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private DiagnoseReport() {}

  /** Human-readable lines, ending with a newline. */
  public static String human(DiagnoseOutcome o) {
    if (!o.ok()) {
      IkeFailure f = o.failure();
      return "fulmar diagnose: " + o.profileName() + ": failed at " + f.step() + "\n"
          + "  reason: " + f.reason() + "\n"
          + "  fix:    " + f.fix() + "\n"
          + "  code:   " + f.code() + "\n";
    }
    SessionInfo s = o.info();
    ChildSaInfo c = s.child();
    StringBuilder b = new StringBuilder();
    b.append("Connected to ").append(o.gatewayHost()).append(" (")
        .append(address(s.gatewayAddress())).append(") in ").append(s.total().toMillis())
        .append(" ms\n");
    row(b, "IKE SA", s.ikeAlgorithms() + "  SPIs " + hex16(s.ikeSpiInitiator()) + "_i "
        + hex16(s.ikeSpiResponder()) + "_r");
    row(b, "key exchange", s.keyExchanges().stream().map(Algorithm::displayName)
        .collect(Collectors.joining(" + ")));
    row(b, "ESP SA", c.algorithms() + "  SPIs " + hex8(c.inboundSpi()) + "_i "
        + hex8(c.outboundSpi()) + "_o");
    row(b, "traffic", join(c.localSelectors()) + " === " + join(c.remoteSelectors()));
    row(b, "local id", String.valueOf(s.localIdentity()));
    row(b, "gateway id", s.remoteIdentity()
        + (s.remoteCertificateSubject() == null ? "" : "  (certificate " + s.remoteCertificateSubject() + ")"));
    row(b, "auth", s.authMethod());
    row(b, "virtual IP", orNone(addresses(s.virtualAddresses())));
    row(b, "DNS", orNone(addresses(s.dnsServers())));
    row(b, "DNS domains", orNone(String.join(", ", s.dnsDomains())));
    row(b, "split subnets", orNone(join(s.splitSubnets())));
    row(b, "NAT", s.natDetection().describe()
        + (s.natDetection().udpEncapsulation() ? "; IKE and ESP in UDP on port 4500" : ""));
    row(b, "fragmentation", fragmentation(s));
    row(b, "local address", address(s.localAddress())
        + (s.unprivilegedSourcePort() ? "  (source port 500 needs root; used an unprivileged"
            + " port and the gateway accepted it)" : ""));
    row(b, "exchanges", s.exchanges().stream().map(DiagnoseReport::timing)
        .collect(Collectors.joining(", ")));
    b.append(o.deleted() ? "SAs deleted.\n" : "SAs closed (the gateway did not confirm the delete).\n");
    return b.toString();
  }

  /** One JSON object (no trailing newline). */
  public static String json(DiagnoseOutcome o) {
    try {
      return JSON.writeValueAsString(tree(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> tree(DiagnoseOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", o.ok());
    m.put("profile", o.profileName());
    m.put("gateway", o.gatewayHost());
    if (!o.ok()) {
      IkeFailure f = o.failure();
      m.put("step", f.step().name());
      m.put("code", f.code().name());
      m.put("reason", f.reason());
      m.put("fix", f.fix());
      m.put("details", f.details());
      m.put("exitCode", ExitCode.of(f).code());
      return m;
    }
    SessionInfo s = o.info();
    m.put("gatewayAddress", address(s.gatewayAddress()));
    m.put("localAddress", address(s.localAddress()));
    m.put("unprivilegedSourcePort", s.unprivilegedSourcePort());
    m.put("ike", ike(s));
    m.put("esp", esp(s.child()));
    m.put("localIdentity", String.valueOf(s.localIdentity()));
    m.put("remoteIdentity", String.valueOf(s.remoteIdentity()));
    m.put("remoteCertificate", s.remoteCertificateSubject());
    m.put("authMethod", s.authMethod());
    m.put("virtualIps", strings(s.virtualAddresses()));
    m.put("dns", strings(s.dnsServers()));
    m.put("dnsDomains", s.dnsDomains());
    m.put("splitSubnets", s.splitSubnets().stream().map(TrafficSelector::toString).toList());
    Map<String, Object> nat = new LinkedHashMap<>();
    nat.put("clientBehindNat", s.natDetection().localBehindNat());
    nat.put("gatewayBehindNat", s.natDetection().gatewayBehindNat());
    nat.put("forced", s.natDetection().forcedByUs());
    nat.put("udpEncapsulation", s.natDetection().udpEncapsulation());
    m.put("nat", nat);
    Map<String, Object> frag = new LinkedHashMap<>();
    frag.put("supported", s.fragmentation());
    frag.put("fragmentedMessagesSent", s.fragmentedMessagesSent());
    frag.put("fragmentedMessagesReceived", s.fragmentedMessagesReceived());
    m.put("fragmentation", frag);
    List<Map<String, Object>> ex = new ArrayList<>();
    for (ExchangeTiming t : s.exchanges()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("exchange", t.exchange());
      e.put("messageId", t.messageId());
      e.put("ms", t.roundTrip().toNanos() / 1e6);
      e.put("retransmissions", t.retransmissions());
      ex.add(e);
    }
    m.put("exchanges", ex);
    m.put("totalMs", s.total().toNanos() / 1e6);
    m.put("deleted", o.deleted());
    return m;
  }

  private static Map<String, Object> ike(SessionInfo s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("proposal", s.ikeAlgorithms());
    m.put("encryption", s.encryption().displayName());
    m.put("integrity", s.integrity() == null ? null : s.integrity().displayName());
    m.put("prf", s.prf().displayName());
    m.put("keyExchanges", s.keyExchanges().stream().map(Algorithm::displayName).toList());
    m.put("spiInitiator", hex16(s.ikeSpiInitiator()));
    m.put("spiResponder", hex16(s.ikeSpiResponder()));
    return m;
  }

  private static Map<String, Object> esp(ChildSaInfo c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("proposal", c.algorithms());
    m.put("encryption", c.encryption().displayName());
    m.put("integrity", c.integrity() == null ? null : c.integrity().displayName());
    m.put("keyExchange", c.keyExchange() == null ? null : c.keyExchange().displayName());
    m.put("esn", c.extendedSequenceNumbers());
    m.put("spiInbound", hex8(c.inboundSpi()));
    m.put("spiOutbound", hex8(c.outboundSpi()));
    m.put("localSelectors", c.localSelectors().stream().map(TrafficSelector::toString).toList());
    m.put("remoteSelectors", c.remoteSelectors().stream().map(TrafficSelector::toString).toList());
    return m;
  }

  private static String fragmentation(SessionInfo s) {
    if (!s.fragmentation()) {
      return "not negotiated";
    }
    return "supported by both; " + s.fragmentedMessagesSent() + " request(s) sent and "
        + s.fragmentedMessagesReceived() + " response(s) received in fragments";
  }

  private static String timing(ExchangeTiming t) {
    return t.exchange() + " " + t.roundTrip().toMillis() + " ms"
        + (t.retransmissions() > 0 ? " (" + t.retransmissions() + " retransmitted)" : "");
  }

  private static void row(StringBuilder b, String label, String value) {
    b.append(String.format("  %-14s%s%n", label, value));
  }

  private static String orNone(String s) {
    return s.isEmpty() ? "none" : s;
  }

  private static String join(List<TrafficSelector> selectors) {
    return selectors.stream().map(TrafficSelector::toString).collect(Collectors.joining(", "));
  }

  private static String addresses(List<InetAddress> list) {
    return String.join(", ", strings(list));
  }

  private static List<String> strings(List<InetAddress> list) {
    return list.stream().map(AddressText::of).toList();
  }

  private static String address(InetSocketAddress a) {
    return AddressText.of(a.getAddress()) + ":" + a.getPort();
  }

  static String hex16(long v) {
    return String.format("%016x", v);
  }

  static String hex8(long v) {
    return String.format("%08x", v);
  }
}
