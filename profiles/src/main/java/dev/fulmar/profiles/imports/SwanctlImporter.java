package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.imports.SwanctlParser.Section;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Proposals;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import dev.fulmar.profiles.model.Timers;
import dev.fulmar.profiles.model.Transport;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.validate.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strongSwan {@code swanctl.conf}: the first entry of {@code connections} (its options, its
 * {@code local*}/{@code remote*} authentication rounds and its first child) becomes the profile;
 * matching entries of {@code secrets} become one-time input for the keychain.
 */
final class SwanctlImporter implements FormatImporter {
  private static final Set<String> CONN_USED =
      Set.of(
          "version",
          "remote_addrs",
          "remote_port",
          "proposals",
          "encap",
          "mobike",
          "fragmentation",
          "dpd_delay",
          "rekey_time",
          "vips");

  @Override
  public Format format() {
    return Format.SWANCTL;
  }

  @Override
  public boolean detects(byte[] data, String text) {
    int at = text.indexOf("connections");
    while (at >= 0) {
      int before = at - 1;
      while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
        before--;
      }
      int after = at + "connections".length();
      while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
        after++;
      }
      if ((before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '}')
          && after < text.length()
          && text.charAt(after) == '{') {
        return true;
      }
      at = text.indexOf("connections", at + 1);
    }
    return false;
  }

  @Override
  public ImportResult read(byte[] data, String text, String nameHint) {
    Section root;
    try {
      root = SwanctlParser.parse(text);
    } catch (SwanctlParser.SyntaxError e) {
      return failed(Problem.error("", e.getMessage()).at(e.location()));
    }
    Section connections = root.section("connections");
    if (connections == null || connections.sections.isEmpty()) {
      return failed(Problem.error("connections", "the file defines no connection"));
    }
    ReportBuilder rb = new ReportBuilder();
    List<Map.Entry<String, Section>> conns = new ArrayList<>(connections.sections.entrySet());
    Section conn = conns.get(0).getValue();
    conns
        .subList(1, conns.size())
        .forEach(
            c -> rb.dropped("connections." + c.getKey(), "only the first connection is imported"));
    if ("1".equals(conn.value("version"))) {
      return failed(
          Problem.error(
                  "connections." + conn.name + ".version",
                  "this is an IKEv1 connection; Fulmar only speaks IKEv2")
              .at(conn.values.get("version").location()));
    }
    List<Problem> problems = new ArrayList<>();
    SecretBundle secrets = SecretBundle.empty();
    Profile.Builder b = Profile.builder().id(Conversions.idFor(data)).name(conn.name);
    rb.mapped("connections." + conn.name, "name");
    options(conn, b, rb, problems);
    new SwanctlAuth(conn, rb, problems).apply(b);
    child(conn, b, rb);
    SwanctlSecrets.collect(root.section("secrets"), b.build(), secrets, rb);
    return new ImportResult(Format.SWANCTL, b.build(), rb.build(Format.SWANCTL), problems, secrets);
  }

  private static void options(
      Section conn, Profile.Builder b, ReportBuilder rb, List<Problem> problems) {
    String prefix = "connections." + conn.name + ".";
    List<Gateway> gateways = new ArrayList<>();
    int port =
        (int)
            Math.max(1, Math.min(65535, ShrewFile.atol(String.valueOf(conn.value("remote_port")))));
    for (String addr : Conversions.splitList(String.valueOf(conn.value("remote_addrs")))) {
      if (!addr.equals("null") && !addr.startsWith("%")) {
        gateways.add(new Gateway(addr, conn.value("remote_port") == null ? 500 : port));
      }
    }
    if (gateways.isEmpty()) {
      problems.add(
          Problem.error("gateway", prefix + "remote_addrs names no gateway (a client needs one)"));
    }
    b.gateways(gateways);
    rb.mapped(prefix + "remote_addrs", "gateway, fallbackGateways");
    b.proposals(
        new Proposals(
            Conversions.ike(
                Conversions.splitList(String.valueOf(conn.value("proposals"))).stream()
                    .filter(p -> !p.equals("null") && !p.equals("default"))
                    .toList(),
                prefix + "proposals",
                rb),
            List.of()));
    b.transport(
        new Transport(
            !"no".equals(conn.value("mobike")),
            !"no".equals(conn.value("fragmentation")),
            "yes".equals(conn.value("encap")),
            null));
    rb.mapped(prefix + "mobike / fragmentation / encap", "transport");
    Timers d = Timers.DEFAULTS;
    b.timers(
        new Timers(
            duration(conn.value("dpd_delay"), d.dpdInterval()),
            d.natKeepalive(),
            duration(conn.value("rekey_time"), d.ikeLifetime()),
            d.childLifetime()));
    if (conn.value("vips") != null) {
      rb.note(prefix + "vips: Fulmar always asks the gateway for a virtual IP");
    }
    for (String key : conn.values.keySet()) {
      if (!CONN_USED.contains(key)) {
        rb.dropped(prefix + key, "not used by Fulmar");
      }
    }
  }

  private static void child(Section conn, Profile.Builder b, ReportBuilder rb) {
    Section children = conn.section("children");
    if (children == null || children.sections.isEmpty()) {
      rb.note("the connection has no child: a full tunnel with Fulmar's ESP proposals is used");
      return;
    }
    List<Section> list = new ArrayList<>(children.sections.values());
    Section c = list.get(0);
    list.subList(1, list.size())
        .forEach(x -> rb.dropped("children." + x.name, "only the first child SA is imported"));
    String prefix = "children." + c.name + ".";
    b.routing(routing(c, prefix, rb));
    Proposals p = b.build().proposals();
    b.proposals(
        new Proposals(
            p.ike(),
            Conversions.esp(
                Conversions.splitList(String.valueOf(c.value("esp_proposals"))).stream()
                    .filter(x -> !x.equals("null") && !x.equals("default"))
                    .toList(),
                prefix + "esp_proposals",
                rb)));
    String start = String.valueOf(c.value("start_action"));
    if (start.equals("start") || start.equals("trap")) {
      b.autoConnect(true);
      rb.mapped(prefix + "start_action " + start, "autoConnect");
    }
    Timers t = b.build().timers();
    b.timers(
        new Timers(
            t.dpdInterval(),
            t.natKeepalive(),
            t.ikeLifetime(),
            duration(c.value("rekey_time"), t.childLifetime())));
    for (String key : c.values.keySet()) {
      if (!Set.of("remote_ts", "esp_proposals", "start_action", "rekey_time").contains(key)) {
        rb.dropped(
            prefix + key,
            key.equals("local_ts")
                ? "the local side is the virtual IP the gateway assigns"
                : key.endsWith("_action") ? "Fulmar reconnects by itself" : "not used by Fulmar");
      }
    }
  }

  /** The child's remote traffic selectors: a /0 means a full tunnel, other subnets a split one. */
  private static Routing routing(Section c, String prefix, ReportBuilder rb) {
    List<Subnet> include = new ArrayList<>();
    boolean full = false;
    for (String ts : Conversions.splitList(String.valueOf(c.value("remote_ts")))) {
      Subnet.Result r = Subnet.parse(ts);
      if (r.subnet() != null && r.subnet().prefixLength() == 0) {
        full = true;
      } else if (r.subnet() != null) {
        include.add(r.subnet());
      } else if (!ts.equals("null")) {
        rb.dropped(prefix + "remote_ts " + ts, r.error());
      }
    }
    boolean split = !full && !include.isEmpty();
    rb.mapped(prefix + "remote_ts", split ? "tunnel.mode split, tunnel.include" : "tunnel.mode full");
    return split ? new Routing(Routing.Mode.SPLIT, include, List.of()) : Routing.FULL_TUNNEL;
  }

  /** strongSwan time values: a number with an optional s, m, h or d suffix. */
  static Duration duration(String v, Duration fallback) {
    if (v == null || v.isBlank()) {
      return fallback;
    }
    String t = v.strip();
    long unit =
        switch (t.charAt(t.length() - 1)) {
          case 'm' -> 60;
          case 'h' -> 3600;
          case 'd' -> 86400;
          default -> 1;
        };
    long n =
        ShrewFile.atol(
            Character.isDigit(t.charAt(t.length() - 1)) ? t : t.substring(0, t.length() - 1));
    return n < 0 || n > 30L * 86400 ? fallback : Duration.ofSeconds(n * unit);
  }

  private static ImportResult failed(Problem p) {
    return new ImportResult(
        Format.SWANCTL,
        null,
        new ReportBuilder().build(Format.SWANCTL),
        List.of(p),
        SecretBundle.empty());
  }
}
