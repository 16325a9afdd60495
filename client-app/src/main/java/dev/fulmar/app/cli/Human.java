package dev.fulmar.app.cli;

import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.LogLine;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.control.message.Stats;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Output for people: the answer first, details indented below, numbers in readable units. */
final class Human {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Human() {}

  static String status(TunnelStatus s, Stats stats, Instant now, ZoneId zone) {
    StringBuilder b = new StringBuilder();
    String since = TIME.format(Instant.ofEpochMilli(s.sinceMillis()).atZone(zone));
    switch (s.state()) {
      case DISCONNECTED -> b.append("Not connected.\n");
      case ERROR -> b.append(s.profile()).append(": ").append(failure(s.failure())).append('\n');
      case CONNECTED -> {
        b.append(s.profile()).append(": connected since ").append(since).append(" (")
            .append(duration(Duration.between(Instant.ofEpochMilli(s.sinceMillis()), now)))
            .append(")\n");
        if (s.session() != null) {
          session(b, s.gateway(), s.session());
        }
        if (stats != null) {
          row(b, "traffic", traffic(stats));
        }
      }
      default -> {
        b.append(s.profile()).append(": ").append(word(s.state())).append(" since ")
            .append(since).append('\n');
        if (s.failure() != null) {
          row(b, "cause", s.failure().message());
        }
      }
    }
    return b.toString();
  }

  static void session(StringBuilder b, String gateway, SessionDetails d) {
    row(b, "gateway", gateway + (d.gatewayAddress() == null ? "" : " (" + d.gatewayAddress()
        + ")"));
    if (!d.virtualAddresses().isEmpty()) {
      row(b, "address", String.join(", ", d.virtualAddresses()));
    }
    if (!d.dnsServers().isEmpty() || !d.dnsDomains().isEmpty()) {
      row(b, "DNS", String.join(", ", d.dnsServers()) + (d.dnsDomains().isEmpty() ? ""
          : " (for " + String.join(", ", d.dnsDomains()) + ")"));
    }
    row(b, "routing", d.fullTunnel() ? "all traffic (full tunnel)"
        : "split: " + String.join(", ", d.splitSubnets()));
    row(b, "identity", d.localIdentity() + " -> " + d.remoteIdentity()
        + (d.authMethod() == null ? "" : ", " + d.authMethod()));
    row(b, "IKE", d.ikeAlgorithms());
    row(b, "ESP", d.espAlgorithms());
  }

  /** E.g. "failed at IKE_AUTH: reason" with the fix and details on their own lines. */
  static String failure(Failure f) {
    StringBuilder b = new StringBuilder("failed at ").append(f.step()).append(": ")
        .append(f.message());
    if (!f.fix().isBlank()) {
      b.append("\n  fix: ").append(f.fix());
    }
    for (Map.Entry<String, String> e : f.details().entrySet()) {
      b.append("\n  ").append(e.getKey()).append(": ").append(e.getValue());
    }
    b.append("\n  (").append(f.code()).append(')');
    return b.toString();
  }

  static String diagnose(DiagnoseReport r) {
    StringBuilder b = new StringBuilder("Diagnosis of ").append(r.profile());
    if (r.gateway() != null) {
      b.append(" (").append(r.gateway()).append(')');
    }
    if (!r.success()) {
      b.append(' ').append(failure(r.failure())).append("\n  after ").append(r.durationMillis())
          .append(" ms\n");
    } else {
      b.append(": OK in ").append(r.durationMillis()).append(" ms\n");
      SessionDetails d = r.negotiated();
      session(b, r.gateway(), d);
      row(b, "key exchange", String.join(" + ", d.keyExchanges()));
      row(b, "NAT", d.natDetection());
      row(b, "fragmentation", d.fragmentation() ? "yes" : "no");
    }
    r.notes().forEach(n -> b.append("  note: ").append(n).append('\n'));
    return b.toString();
  }

  static String log(LogLine l, ZoneId zone) {
    return TIME.format(Instant.ofEpochMilli(l.timeMillis()).atZone(zone)) + " "
        + String.format(Locale.ROOT, "%-5s", l.level()) + " [" + l.source() + "] " + l.message();
  }

  static String traffic(Stats s) {
    return "in " + bytes(s.bytesIn()) + " (" + bytes(s.rateInBytesPerSecond()) + "/s), out "
        + bytes(s.bytesOut()) + " (" + bytes(s.rateOutBytesPerSecond()) + "/s)";
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min";
    }
    return s / 3600 + " h " + (s % 3600) / 60 + " min";
  }

  static String word(TunnelState s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  static void row(StringBuilder b, String label, String value) {
    if (value != null && !value.isBlank()) {
      b.append(String.format(Locale.ROOT, "  %-13s %s%n", label, value));
    }
  }

  /** A table with a header row, columns padded to their widest cell. */
  static String table(List<String[]> rows) {
    int[] w = new int[rows.get(0).length];
    rows.forEach(r -> {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i] == null ? 1 : r[i].length());
      }
    });
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        String cell = r[i] == null ? "-" : r[i];
        b.append(i == r.length - 1 ? cell : String.format(Locale.ROOT, "%-" + (w[i] + 2) + "s",
            cell));
      }
      b.append('\n');
    }
    return b.toString();
  }
}
