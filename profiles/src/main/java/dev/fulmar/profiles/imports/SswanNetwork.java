package dev.fulmar.profiles.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulmar.profiles.model.Dns;
import dev.fulmar.profiles.model.IpAddress;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import dev.fulmar.profiles.model.Timers;
import dev.fulmar.profiles.model.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The network part of a {@code .sswan} file: DNS, MTU, keepalive, split tunnelling, dropped extras.
 */
final class SswanNetwork {
  private SswanNetwork() {}

  static void read(JsonNode root, Profile.Builder b, ReportBuilder rb) {
    List<IpAddress> dns = new ArrayList<>();
    for (String s : SswanImporter.list(root.path("dns-servers"))) {
      IpAddress.parse(s)
          .ifPresentOrElse(dns::add, () -> rb.dropped("dns-servers " + s, "not an IP address"));
    }
    if (!dns.isEmpty()) {
      b.dns(new Dns(dns, List.of(), List.of()));
      rb.mapped("dns-servers", "dns.servers");
    }
    Integer mtu = null;
    if (root.has("mtu")) {
      int m = root.path("mtu").asInt(-1);
      if (m >= 1280 && m <= 1500) {
        mtu = m;
        rb.mapped("mtu", "transport.mtu");
      } else {
        rb.dropped(
            "mtu",
            "'"
                + root.path("mtu").asText()
                + "' is outside 1280–1500, as strongSwan also ignores it");
      }
    }
    b.transport(new Transport(true, true, false, mtu));
    if (root.has("nat-keepalive")) {
      int k = root.path("nat-keepalive").asInt(-1);
      if (k >= 10 && k <= 120) {
        Timers d = Timers.DEFAULTS;
        b.timers(
            new Timers(d.dpdInterval(), Duration.ofSeconds(k), d.ikeLifetime(), d.childLifetime()));
        rb.mapped("nat-keepalive", "timers.natKeepalive");
      } else {
        rb.dropped(
            "nat-keepalive", "'" + root.path("nat-keepalive").asText() + "' is outside 10–120 s");
      }
    }
    split(root.path("split-tunneling"), b, rb);
    if (root.has("ipv6-transport")) {
      rb.dropped(
          "ipv6-transport", "Fulmar reaches the gateway over IPv4 or IPv6 as the network allows");
    }
    if (root.has("proxy")) {
      rb.dropped("proxy", "HTTP proxy settings are not applied by Fulmar");
    }
    for (String f : new String[] {"apps", "excluded-apps"}) {
      if (root.has(f)) {
        rb.dropped(f, "per-app rules name Android apps and have no desktop equivalent");
      }
    }
  }

  private static void split(JsonNode st, Profile.Builder b, ReportBuilder rb) {
    if (st.isMissingNode()) {
      return;
    }
    List<Subnet> include = subnets(st.path("subnets"), "split-tunneling.subnets", rb);
    List<Subnet> exclude = subnets(st.path("excluded"), "split-tunneling.excluded", rb);
    Routing.Mode mode = include.isEmpty() ? Routing.Mode.FULL : Routing.Mode.SPLIT;
    b.routing(new Routing(mode, include, exclude));
    if (!include.isEmpty()) {
      rb.mapped("split-tunneling.subnets", "tunnel.mode split, tunnel.include");
    }
    if (!exclude.isEmpty()) {
      rb.mapped("split-tunneling.excluded", "tunnel.exclude");
    }
    for (String f : new String[] {"block-ipv4", "block-ipv6"}) {
      if (st.path(f).asBoolean(false)) {
        rb.dropped(
            "split-tunneling." + f,
            "Fulmar has no per-family block; turn on the kill switch to "
                + "block all traffic outside the tunnel");
      }
    }
  }

  private static List<Subnet> subnets(JsonNode v, String source, ReportBuilder rb) {
    List<Subnet> out = new ArrayList<>();
    for (String s : SswanImporter.list(v)) {
      Subnet.Result r = Subnet.parse(s);
      if (r.subnet() != null) {
        out.add(r.subnet());
      } else if (s.contains("-")) {
        rb.dropped(source + " " + s, "address ranges are not supported; give the range as subnets");
      } else {
        rb.dropped(source + " " + s, r.error());
      }
    }
    return out;
  }
}
