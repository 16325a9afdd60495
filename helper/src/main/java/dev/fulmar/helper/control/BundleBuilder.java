package dev.fulmar.helper.control;

import dev.fulmar.control.codec.Frame;
import dev.fulmar.control.codec.MessageCodec;
import dev.fulmar.control.message.BundleData;
import dev.fulmar.control.message.LogLine;
import dev.fulmar.control.message.PolicyReport;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.StatusReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the diagnostics bundle: a zip a user can send to support. It holds only what clients
 * may already see (status, profile summaries, policy, the redacted log) plus the helper's version
 * and platform; never a secret, a key or a full profile.
 */
final class BundleBuilder {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private final MessageCodec codec;
  private final Clock clock;
  private final String helperVersion;

  BundleBuilder(MessageCodec codec, Clock clock, String helperVersion) {
    this.codec = codec;
    this.clock = clock;
    this.helperVersion = helperVersion;
  }

  BundleData build(StatusReport status, List<ProfileSummary> profiles, PolicyReport policy,
      List<LogLine> log) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      add(zip, "README.txt", "Fulmar VPN diagnostics bundle. Contains the helper's version and "
          + "platform, the tunnel status, profile names and gateways, the policy and the recent "
          + "log (passwords and keys are removed). It contains no secret.\n");
      add(zip, "helper.txt", platform());
      add(zip, "status.json", json(status));
      add(zip, "policy.json", json(policy));
      StringBuilder p = new StringBuilder();
      profiles.forEach(s -> p.append(s.source()).append('\t').append(s.name()).append('\t')
          .append(s.gateway()).append('\t').append(s.auth()).append('\n'));
      add(zip, "profiles.txt", p.toString());
      StringBuilder l = new StringBuilder();
      log.forEach(x -> l.append(x.seq()).append(' ').append(java.time.Instant.ofEpochMilli(
          x.timeMillis())).append(' ').append(x.level()).append(" [").append(x.source())
          .append("] ").append(x.message()).append('\n'));
      add(zip, "log.txt", l.toString());
    }
    return new BundleData("fulmar-diagnostics-" + STAMP.format(clock.instant()) + ".zip",
        bytes.toByteArray());
  }

  private String json(dev.fulmar.control.message.Response r) {
    return new String(codec.encode(Frame.of(0, r)), StandardCharsets.UTF_8);
  }

  private String platform() {
    return "helper " + helperVersion + "\n"
        + "os " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch") + "\n"
        + "java " + System.getProperty("java.vendor") + " " + System.getProperty("java.version")
        + "\n"
        + "time " + clock.instant() + "\n";
  }

  private static void add(ZipOutputStream zip, String name, String text) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0);
    zip.putNextEntry(e);
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
