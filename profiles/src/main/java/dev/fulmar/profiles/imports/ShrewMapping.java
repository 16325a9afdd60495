package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.model.Dns;
import dev.fulmar.profiles.model.IpAddress;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Proposals;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import dev.fulmar.profiles.model.Timers;
import dev.fulmar.profiles.model.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shrew Soft network, DNS, algorithm and policy settings mapped to IKEv2 profile fields. */
final class ShrewMapping {
  private static final Map<String, String> HASH =
      Map.of(
          "md5",
          "md5",
          "sha1",
          "sha1",
          "sha2-256",
          "sha256",
          "sha2-384",
          "sha384",
          "sha2-512",
          "sha512");
  private static final Map<Long, String> GROUPS =
      Map.of(
          1L,
          "modp768",
          2L,
          "modp1024",
          5L,
          "modp1536",
          14L,
          "modp2048",
          15L,
          "modp3072",
          16L,
          "modp4096",
          17L,
          "modp6144",
          18L,
          "modp8192");
  private static final Set<String> HANDLED =
      Set.of(
          "version",
          "network-host",
          "network-ike-port",
          "network-natt-mode",
          "network-natt-port",
          "network-natt-rate",
          "network-frag-mode",
          "network-dpd-enable",
          "network-mtu-size",
          "client-auto-mode",
          "client-iface",
          "client-addr-auto",
          "client-dns-used",
          "client-dns-auto",
          "client-dns-addr",
          "client-dns-suffix-auto",
          "client-dns-suffix",
          "client-splitdns-used",
          "client-splitdns-auto",
          "client-splitdns-list",
          "client-saved-username",
          "auth-method",
          "ident-client-type",
          "ident-client-data",
          "ident-server-type",
          "ident-server-data",
          "auth-mutual-psk",
          "auth-server-cert-name",
          "auth-server-cert-data",
          "auth-server-cert",
          "auth-client-cert-name",
          "auth-client-cert-data",
          "auth-client-key-name",
          "auth-client-key-data",
          "auth-client-cert",
          "auth-client-key",
          "phase1-cipher",
          "phase1-keylen",
          "phase1-hash",
          "phase1-dhgroup",
          "phase1-life-secs",
          "phase2-transform",
          "phase2-keylen",
          "phase2-hmac",
          "phase2-pfsgroup",
          "phase2-life-secs",
          "policy-nailed",
          "policy-list-auto",
          "policy-list-include",
          "policy-list-exclude");
  private final ShrewFile f;
  private final ReportBuilder rb;

  ShrewMapping(ShrewFile f, ReportBuilder rb) {
    this.f = f;
    this.rb = rb;
  }

  void apply(Profile.Builder b) {
    String natt = String.valueOf(f.s("network-natt-mode"));
    boolean force = natt.startsWith("force");
    if (force) {
      rb.mapped(
          "network-natt-mode " + natt, "transport.forceEncapsulation (RFC 3948 encapsulation)");
    } else if (natt.equals("disable")) {
      rb.dropped(
          "network-natt-mode disable", "IKEv2 always uses NAT traversal when a NAT is found");
    }
    boolean frag = !"disable".equals(f.s("network-frag-mode"));
    long mtu = f.n("network-mtu-size", 0);
    b.transport(new Transport(true, frag, force, mtu >= 576 && mtu <= 9000 ? (int) mtu : null));
    rb.mapped("network-frag-mode / network-mtu-size", "transport.fragmentation / mtu");
    Timers d = Timers.DEFAULTS;
    long rate = f.n("network-natt-rate", d.natKeepalive().toSeconds());
    b.timers(
        new Timers(
            f.n("network-dpd-enable", 1) == 0 ? Duration.ZERO : d.dpdInterval(),
            Duration.ofSeconds(rate >= 5 && rate <= 600 ? rate : d.natKeepalive().toSeconds()),
            life("phase1-life-secs", d.ikeLifetime()),
            life("phase2-life-secs", d.childLifetime())));
    rb.mapped(
        "network-dpd-enable / network-natt-rate / phase1-life-secs / phase2-life-secs", "timers");
    b.proposals(
        new Proposals(Conversions.ike(ike(), "phase1", rb), Conversions.esp(esp(), "phase2", rb)));
    dns(b);
    policies(b);
    dropped();
  }

  private Duration life(String key, Duration fallback) {
    long s = f.n(key, 0);
    return s >= 300 && s <= 7 * 86400 ? Duration.ofSeconds(s) : fallback;
  }

  private List<String> ike() {
    String cipher = String.valueOf(f.s("phase1-cipher"));
    if (cipher.equals("auto") || f.s("phase1-cipher") == null) {
      return List.of();
    }
    String enc = cipherKeyword(cipher, f.n("phase1-keylen", 0));
    String hash = HASH.getOrDefault(String.valueOf(f.s("phase1-hash")), "sha256");
    long g = f.n("phase1-dhgroup", 0);
    String ke = GROUPS.getOrDefault(g, "ecp384-modp2048");
    if (g == 0) {
      ke = "ecp384-x25519-modp2048";
    }
    return List.of(enc + "-" + hash + "-" + ke);
  }

  private List<String> esp() {
    String t = String.valueOf(f.s("phase2-transform"));
    if (t.equals("auto") || f.s("phase2-transform") == null) {
      return List.of();
    }
    String enc = cipherKeyword(t.replace("esp-", ""), f.n("phase2-keylen", 0));
    String hash = HASH.getOrDefault(String.valueOf(f.s("phase2-hmac")), "sha256");
    long pfs = f.n("phase2-pfsgroup", -1);
    String ke = pfs > 0 ? "-" + GROUPS.getOrDefault(pfs, "modp2048") : "";
    return List.of(enc + "-" + hash + ke);
  }

  private static String cipherKeyword(String cipher, long keylen) {
    return switch (cipher) {
      case "aes" -> keylen == 128 ? "aes128" : keylen == 192 ? "aes192" : "aes256";
      case "cast" -> "cast128";
      default -> cipher;
    };
  }

  private void dns(Profile.Builder b) {
    List<IpAddress> servers = new ArrayList<>();
    if (f.n("client-dns-used", 0) == 1 && f.n("client-dns-auto", 1) == 0) {
      for (String s : Conversions.splitList(String.valueOf(f.s("client-dns-addr")))) {
        IpAddress.parse(s).ifPresent(servers::add);
      }
    }
    List<String> suffix =
        f.n("client-dns-suffix-auto", 1) == 0 && f.s("client-dns-suffix") != null
            ? Conversions.splitList(f.s("client-dns-suffix"))
            : List.of();
    List<String> split =
        f.n("client-splitdns-used", 0) == 1
                && f.n("client-splitdns-auto", 1) == 0
                && f.s("client-splitdns-list") != null
            ? Conversions.splitList(f.s("client-splitdns-list"))
            : List.of();
    b.dns(new Dns(servers, split, suffix));
    rb.mapped("client-dns-* / client-splitdns-*", "dns (servers, split domains, search domains)");
  }

  private void policies(Profile.Builder b) {
    List<Subnet> include = masks("policy-list-include");
    List<Subnet> exclude = masks("policy-list-exclude");
    boolean auto = f.n("policy-list-auto", 0) == 1;
    Routing.Mode mode = auto || !include.isEmpty() ? Routing.Mode.SPLIT : Routing.Mode.FULL;
    b.routing(new Routing(mode, include, exclude));
    rb.mapped(
        "policy-list-auto / policy-list-include / policy-list-exclude",
        "tunnel ("
            + mode.keyword()
            + (auto && include.isEmpty() ? ", subnets from the gateway" : "")
            + ")");
    if (f.n("policy-nailed", 0) == 1) {
      b.autoConnect(true);
      rb.mapped("policy-nailed", "autoConnect");
    }
  }

  private List<Subnet> masks(String key) {
    List<Subnet> out = new ArrayList<>();
    for (String entry : String.valueOf(f.s(key)).split(",")) {
      String[] parts = entry.split("/");
      if (parts.length != 2) {
        continue;
      }
      var a = IpAddress.parse(parts[0].strip());
      var m = IpAddress.parse(parts[1].strip());
      var s =
          a.isPresent() && m.isPresent()
              ? Subnet.fromMask(a.get(), m.get())
              : java.util.Optional.<Subnet>empty();
      s.ifPresentOrElse(
          out::add,
          () -> rb.dropped(key + " '" + entry.strip() + "'", "not an address / netmask pair"));
    }
    return out;
  }

  private void dropped() {
    Map<String, String> reasons =
        Map.of(
            "phase1-exchange",
            "IKEv2 has a single exchange; main and aggressive mode are IKEv1 only",
            "client-wins-used",
            "WINS is not supported",
            "client-banner-enable",
            "IKEv2 gateways send no login banner",
            "ipcomp-transform",
            "IP compression is not supported",
            "policy-level",
            "IKEv1 policy levels do not apply",
            "vendor-chkpt-enable",
            "Check Point vendor extensions are not supported",
            "client-addr-auto",
            "IKEv2 always asks the gateway for the address",
            "network-notify-enable",
            "IKEv1 notify option",
            "network-frag-size",
            "Fulmar sizes IKE fragments from the path MTU",
            "phase1-life-kbytes",
            "volume-based lifetimes are not supported");
    for (String key : f.keys()) {
      if (HANDLED.contains(key)) {
        continue;
      }
      String reason = reasons.get(key);
      if (reason == null && key.startsWith("client-wins")) {
        continue;
      }
      rb.dropped(
          key,
          reason != null
              ? reason
              : key.startsWith("client-ip")
                      || key.equals("client-iface")
                      || key.equals("network-natt-port")
                      || key.equals("phase2-life-kbytes")
                  ? "has no IKEv2 equivalent in Fulmar"
                  : "unknown Shrew Soft setting");
    }
  }
}
