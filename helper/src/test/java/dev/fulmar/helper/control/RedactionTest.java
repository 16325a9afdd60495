package dev.fulmar.helper.control;

import static dev.fulmar.helper.control.ServerHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.Limits;
import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.message.BundleData;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.LogEvent;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.LogLine;
import dev.fulmar.control.message.SecretText;
import dev.fulmar.control.message.Topic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret reaches a log line, a log event or a bundle: the tests grep for them. */
class RedactionTest {
  private static final String PASSWORD = "Tr0ub4dor&3-horse";
  @TempDir Path dir;

  @Test
  void masksTrackedSecretsAssignmentsAndPemKeys() {
    Redactor r = new Redactor();
    r.track(SecretText.of(PASSWORD.toCharArray()));
    assertThat(r.redact("EAP with " + PASSWORD + " for alice"))
        .isEqualTo("EAP with [redacted] for alice");
    assertThat(r.redact("psk=abc123 and Password: \"hunter2\" and token is 998877"))
        .doesNotContain("abc123").doesNotContain("hunter2").doesNotContain("998877");
    assertThat(r.redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----"))
        .isEqualTo("[redacted]");
    r.forgetAll();
    assertThat(r.trackedCount()).isZero();
  }

  @Test
  void theRingKeepsTheNewestLinesInOrder() {
    LogRing ring = new LogRing(3, Clock.systemUTC(), new Redactor());
    for (int i = 1; i <= 5; i++) {
      ring.append(LogLevel.INFO, "t", "line " + i);
    }
    assertThat(ring.tail(10, 0)).extracting(LogLine::message)
        .containsExactly("line 3", "line 4", "line 5");
    assertThat(ring.tail(10, 4)).extracting(LogLine::message).containsExactly("line 5");
    assertThat(ring.tail(1, 0)).extracting(LogLine::seq).containsExactly(5L);
  }

  @Test
  void secretsHandedToTheHelperNeverAppearInLogsEventsOrBundles() throws Exception {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    try (ServerHarness h = new ServerHarness(dir);
        ControlClient c = h.client(Identities.ALICE, events::add)) {
      c.subscribe(Topic.LOG);
      c.connect(Connect.byName("Office", new Credentials("alice",
          SecretText.of(PASSWORD.toCharArray()), null, null)), WAIT);
      h.tunnel.log(LogLevel.DEBUG, "EAP-MSCHAPv2 response computed from " + PASSWORD);
      h.tunnel.log(LogLevel.DEBUG, "config psk=s3cr3tPSK");
      List<LogLine> lines = c.logs(Limits.LOG_RING_LINES, 0).lines();
      assertThat(lines).extracting(LogLine::message).anySatisfy(m ->
          assertThat(m).contains("EAP-MSCHAPv2 response computed from [redacted]"));
      String all = String.join("\n", lines.stream().map(LogLine::message).toList());
      assertThat(all).doesNotContain(PASSWORD).doesNotContain("s3cr3tPSK");
      StringBuilder pushed = new StringBuilder();
      for (Event e; (e = events.poll(1, TimeUnit.SECONDS)) != null; ) {
        if (e instanceof LogEvent l) {
          pushed.append(l.line().message()).append('\n');
        }
      }
      assertThat(pushed).contains("[redacted]").doesNotContain(PASSWORD);
      BundleData bundle = c.bundle(WAIT);
      Map<String, String> files = unzip(bundle.zip());
      assertThat(files).containsKeys("README.txt", "helper.txt", "status.json", "policy.json",
          "profiles.txt", "log.txt");
      assertThat(files.get("log.txt")).contains("[redacted]");
      assertThat(files.get("profiles.txt")).contains("Office");
      files.values().forEach(text -> assertThat(text).doesNotContain(PASSWORD)
          .doesNotContain("s3cr3tPSK"));
      assertThat(bundle.fileName()).startsWith("fulmar-diagnostics-").endsWith(".zip");
    }
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
