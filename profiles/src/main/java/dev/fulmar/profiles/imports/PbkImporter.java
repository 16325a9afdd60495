package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.Dns;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.IpAddress;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Transport;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.validate.Location;
import dev.fulmar.profiles.validate.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Windows phone book ({@code rasphone.pbk}): INI sections, one per connection. The first IKEv2
 * entry ({@code VpnStrategy} 7, 8 or 14) is imported: its server, identities, mobility, DNS and
 * routing choice. The binary {@code CustomIPSecPolicies} blob is not decoded (no published layout).
 */
final class PbkImporter implements FormatImporter {
  private static final Set<String> IKEV2_STRATEGIES = Set.of("7", "8", "14");

  /** One phone-book entry: its keys (first value wins, as RAS reads them) and where it starts. */
  private record Entry(String name, int line, Map<String, String> keys) {}

  @Override
  public Format format() {
    return Format.RASPHONE_PBK;
  }

  @Override
  public boolean detects(byte[] data, String text) {
    return text.stripLeading().startsWith("[")
        && (text.contains("\nPhoneNumber=")
            || text.contains("\nVpnStrategy=")
            || text.contains("\nPreferredDevice="));
  }

  @Override
  public ImportResult read(byte[] data, String text, String nameHint) {
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    parse(text, entries, problems);
    if (!problems.isEmpty()) {
      return new ImportResult(
          Format.RASPHONE_PBK,
          null,
          new ReportBuilder().build(Format.RASPHONE_PBK),
          problems,
          SecretBundle.empty());
    }
    ReportBuilder rb = new ReportBuilder();
    Entry chosen = null;
    for (Entry e : entries) {
      boolean ikev2 =
          IKEV2_STRATEGIES.contains(e.keys().getOrDefault("VpnStrategy", ""))
              || e.keys().getOrDefault("PreferredDevice", "").contains("IKEv2");
      if (ikev2 && chosen == null) {
        chosen = e;
      } else {
        rb.dropped(
            "entry [" + e.name() + "]",
            ikev2
                ? "only the first IKEv2 entry is imported; import the file again "
                    + "after removing it to get the next"
                : "not an IKEv2 connection (VpnStrategy " + e.keys().get("VpnStrategy") + ")");
      }
    }
    if (chosen == null) {
      return new ImportResult(
          Format.RASPHONE_PBK,
          null,
          rb.build(Format.RASPHONE_PBK),
          List.of(Problem.error("", "the phone book has no IKEv2 entry (VpnStrategy=7 or 8)")),
          SecretBundle.empty());
    }
    return new ImportResult(
        Format.RASPHONE_PBK,
        convert(chosen, data, rb, problems),
        rb.build(Format.RASPHONE_PBK),
        problems,
        SecretBundle.empty());
  }

  private static void parse(String text, List<Entry> entries, List<Problem> problems) {
    List<String> lines = LineParser.lines(text);
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          problems.add(
              new Problem(
                  dev.fulmar.profiles.validate.Severity.ERROR,
                  "",
                  new Location(i + 1, 1),
                  "a section header must look like [Entry name]"));
          return;
        }
        current = new LinkedHashMap<>();
        entries.add(new Entry(line.substring(1, line.length() - 1), i + 1, current));
      } else if (current != null && line.indexOf('=') > 0) {
        current.putIfAbsent(
            line.substring(0, line.indexOf('=')).strip(),
            line.substring(line.indexOf('=') + 1).strip());
      } else if (current == null || line.indexOf('=') <= 0) {
        problems.add(
            new Problem(
                dev.fulmar.profiles.validate.Severity.ERROR,
                "",
                new Location(i + 1, 1),
                "expected [Entry name] or Key=Value"));
        return;
      }
    }
  }

  private static Profile convert(Entry e, byte[] data, ReportBuilder rb, List<Problem> problems) {
    Map<String, String> k = e.keys();
    Profile.Builder b = Profile.builder().id(Conversions.idFor(data)).name(e.name());
    rb.mapped("[" + e.name() + "]", "name");
    String server = k.getOrDefault("PhoneNumber", "").strip();
    if (server.isEmpty()) {
      problems.add(
          Problem.error(
              "gateway.host", "entry [" + e.name() + "] has no PhoneNumber (the server)"));
    }
    b.gateways(List.of(Gateway.of(server)));
    rb.mapped("PhoneNumber", "gateway.host");
    if (k.containsKey("IDR") && !k.get("IDR").isBlank()) {
      b.remoteId(Identity.parse(k.get("IDR")));
      rb.mapped("IDR", "remoteId");
    }
    if (k.containsKey("IDI") && !k.get("IDI").isBlank()) {
      b.localId(Identity.parse(k.get("IDI")));
      rb.mapped("IDI", "localId");
    }
    String eapType = k.getOrDefault("CustomAuthKey", "26");
    if (eapType.equals("13")) {
      b.auth(new Authentication.EapTls(null, null));
      rb.mapped("CustomAuthKey 13", "auth.method eap-tls");
    } else {
      b.auth(new Authentication.PasswordEap(EapMethod.MSCHAPV2, null));
      rb.mapped("CustomAuthKey " + eapType, "auth.method eap-mschapv2");
    }
    network(k, b, rb);
    return b.build();
  }

  private static void network(Map<String, String> k, Profile.Builder b, ReportBuilder rb) {
    boolean mobike = !"1".equals(k.get("DisableMobility"));
    b.transport(
        new Transport(mobike, !"1".equals(k.get("Disable_IKEv2_Fragmentation")), false, null));
    rb.mapped("DisableMobility / Disable_IKEv2_Fragmentation", "transport.mobike / fragmentation");
    b.routing(
        "0".equals(k.get("IpPrioritizeRemote"))
            ? new Routing(Routing.Mode.SPLIT, List.of(), List.of())
            : Routing.FULL_TUNNEL);
    rb.mapped("IpPrioritizeRemote", "tunnel.mode");
    List<IpAddress> dns = new ArrayList<>();
    for (String key :
        new String[] {"IpDnsAddress", "IpDns2Address", "Ipv6DnsAddress", "Ipv6Dns2Address"}) {
      IpAddress.parse(k.getOrDefault(key, ""))
          .filter(ip -> !ip.address().isAnyLocalAddress())
          .ifPresent(dns::add);
    }
    String suffix = k.getOrDefault("IpDnsSuffix", "");
    if (!dns.isEmpty() || !suffix.isBlank()) {
      b.dns(new Dns(dns, List.of(), suffix.isBlank() ? List.of() : List.of(suffix)));
      rb.mapped("IpDnsAddress / IpDnsSuffix", "dns.servers / searchDomains");
    }
    if (k.containsKey("CustomIPSecPolicies")) {
      rb.dropped(
          "CustomIPSecPolicies",
          "the binary policy is not decoded (its layout is not published); Fulmar's defaults"
              + " include the Windows suites (AES-CBC, SHA-256, MODP-2048/ECP-384)");
    }
    if (k.containsKey("NetworkOutageTime")) {
      rb.dropped("NetworkOutageTime", "Fulmar's MOBIKE and reconnect timers are used");
    }
  }
}
