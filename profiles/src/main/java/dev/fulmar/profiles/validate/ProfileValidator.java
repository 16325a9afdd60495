package dev.fulmar.profiles.validate;

import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Checks a profile and returns every problem at once, in plain words, each with the JSON path of
 * the field in the {@code .vpn} format. Covers single fields (host names, ranges) and rules that
 * span fields (certificate authentication needs a PKCS#12; EAP-MSCHAPv2 needs a user name; no weak
 * algorithm). Used on files, on imports and before anything is stored or connected.
 */
public final class ProfileValidator {
  private ProfileValidator() {}

  /** Every problem found; an empty list or warnings only means the profile can be used. */
  public static List<Problem> validate(Profile p) {
    List<Problem> out = new ArrayList<>();
    name(p.name(), out);
    gateways(p.gateways(), out);
    identity("localId", p.localId(), out);
    identity("remoteId", p.remoteId(), out);
    TrustChecks.check(p.trust(), out);
    AuthChecks.check(p.auth(), out);
    ProposalPolicy.check(p.proposals(), out);
    routing(p.routing(), out);
    NetworkChecks.check(p, out);
    timers(p.timers(), out);
    return out;
  }

  /** True when the list holds at least one error. */
  public static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }

  private static void name(String name, List<Problem> out) {
    if (name.isBlank()) {
      out.add(Problem.error("name", "is empty: give the profile a name"));
    } else if (name.length() > 100) {
      out.add(Problem.error("name", "is longer than 100 characters"));
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      out.add(Problem.error("name", "contains control characters"));
    }
  }

  /** JSON path of gateway {@code i} in the model's list. */
  public static String gatewayPath(int i) {
    return i == 0 ? "gateway" : "fallbackGateways[" + (i - 1) + "]";
  }

  private static void gateways(List<Gateway> gateways, List<Problem> out) {
    if (gateways.isEmpty()) {
      out.add(Problem.error("gateway", "is missing: the VPN server to connect to"));
    }
    Set<Gateway> seen = new HashSet<>();
    for (int i = 0; i < gateways.size(); i++) {
      Gateway g = gateways.get(i);
      String path = gatewayPath(i);
      if (g.host().isEmpty()) {
        out.add(
            Problem.error(path + ".host", "is empty: give the gateway's DNS name or IP address"));
      } else if (!HostNames.isHost(g.host())) {
        out.add(
            Problem.error(
                path + ".host", "'" + g.host() + "' is not a valid host name or IP address"));
      }
      if (g.port() < 1 || g.port() > 65535) {
        out.add(Problem.error(path + ".port", g.port() + " is not a port (1 to 65535)"));
      }
      if (!seen.add(g)) {
        out.add(Problem.warning(path, g.host() + ":" + g.port() + " is listed twice"));
      }
    }
  }

  private static void identity(String path, Identity id, List<Problem> out) {
    if (id == null) {
      return;
    }
    String v = id.value();
    String bad = null;
    if (v.isBlank()) {
      bad = "is empty";
    } else if (!v.equals(v.strip())) {
      bad = "'" + v + "' starts or ends with spaces";
    } else {
      switch (id.type()) {
        case IPV4_ADDR ->
            bad =
                dev.fulmar.profiles.model.IpAddress.isIpv4Literal(v)
                    ? null
                    : "'" + v + "' is not an IPv4 address";
        case IPV6_ADDR ->
            bad =
                dev.fulmar.profiles.model.IpAddress.isIpv6Literal(v)
                    ? null
                    : "'" + v + "' is not an IPv6 address";
        case RFC822_ADDR ->
            bad =
                v.indexOf('@') > 0
                    ? null
                    : "'" + v + "' is not an e-mail style identity (user@domain)";
        case DER_ASN1_DN ->
            bad =
                isDn(v)
                    ? null
                    : "'"
                        + v
                        + "' is not a distinguished name (e.g. CN=vpn.example.net, O=Example)";
        default -> bad = v.length() > 255 ? "is longer than 255 characters" : null;
      }
    }
    if (bad != null) {
      out.add(Problem.error(path, bad));
    }
  }

  private static boolean isDn(String v) {
    try {
      new X500Principal(v);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void routing(Routing r, List<Problem> out) {
    if (r.mode() == Routing.Mode.FULL && !r.include().isEmpty()) {
      out.add(
          Problem.warning(
              "tunnel.include",
              "is ignored in full-tunnel mode (everything goes through the tunnel)"));
    }
    for (int i = 0; i < r.exclude().size(); i++) {
      if (r.exclude().get(i).prefixLength() == 0) {
        out.add(
            Problem.error(
                "tunnel.exclude[" + i + "]",
                "excluding " + r.exclude().get(i) + " would send nothing through the tunnel"));
      }
    }
  }

  private static void timers(Timers t, List<Problem> out) {
    range("timers.dpd", t.dpdInterval(), 5, 3600, true, out);
    range("timers.natKeepalive", t.natKeepalive(), 5, 600, true, out);
    range("timers.ikeLifetime", t.ikeLifetime(), 300, 7 * 86400, false, out);
    range("timers.childLifetime", t.childLifetime(), 300, 7 * 86400, false, out);
  }

  private static void range(
      String path, Duration d, long min, long max, boolean zeroOff, List<Problem> out) {
    long s = d.getSeconds();
    if ((s == 0 && zeroOff) || (s >= min && s <= max)) {
      return;
    }
    out.add(
        Problem.error(
            path,
            s
                + " s is out of range ("
                + (zeroOff ? "0 for off, or " : "")
                + min
                + " to "
                + max
                + " s)"));
  }
}
