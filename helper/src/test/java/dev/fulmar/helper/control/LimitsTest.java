package dev.fulmar.helper.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.Limits;
import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.profiles.model.Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limit answers with a typed error or a disconnect, and the helper keeps serving. */
class LimitsTest {
  private static final Duration READ = Duration.ofSeconds(10);
  @TempDir Path dir;
  private ServerHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private ServerHarness start() throws IOException {
    h = new ServerHarness(dir);
    return h;
  }

  @Test
  void requestsBeforeHelloAreRefusedWithTheirId() throws IOException {
    try (RawClient c = start().raw(Identities.ALICE)) {
      c.send("{\"type\":\"status\",\"id\":7}\n");
      assertThat(c.readLine(READ)).contains("HELLO_REQUIRED").contains("\"id\":7");
      c.send(RawClient.HELLO);
      assertThat(c.readLine(READ)).contains("\"type\":\"welcome\"");
      c.send("{\"type\":\"status\",\"id\":8}\n");
      assertThat(c.readLine(READ)).contains("status_report").contains("\"id\":8");
    }
  }

  @Test
  void aClientWithoutACommonVersionIsTold() throws IOException {
    try (RawClient c = start().raw(Identities.ALICE)) {
      c.send("{\"type\":\"hello\",\"id\":1,\"minVersion\":7,\"maxVersion\":9,\"client\":\"x\"}\n");
      assertThat(c.readLine(READ)).contains("UNSUPPORTED_VERSION").contains("1 to 1");
    }
  }

  @Test
  void malformedLinesGetTypedErrorsThenADisconnect() throws IOException {
    try (RawClient c = start().raw(Identities.ALICE)) {
      c.send(RawClient.HELLO);
      c.readLine(READ);
      c.send("not json\n");
      assertThat(c.readLine(READ)).contains("MALFORMED");
      c.send("{\"type\":\"warp\",\"id\":3}\n");
      assertThat(c.readLine(READ)).contains("UNKNOWN_TYPE").contains("\"id\":3");
      c.send("{\"type\":\"welcome\",\"id\":4,\"version\":1}\n");
      assertThat(c.readLine(READ)).contains("INVALID_REQUEST");
      for (int i = 0; i < Limits.MAX_PROTOCOL_ERRORS; i++) {
        c.send("}\n");
      }
      assertThat(c.awaitClosed(READ)).isTrue();
    }
    assertThat(h.logContains("bad requests")).isTrue();
  }

  @Test
  void anOversizeLineIsRefusedAndTheClientDisconnected() throws IOException {
    h = new ServerHarness(dir, c -> c.withLimits(64, 16, 4096, 1 << 20), null);
    try (RawClient c = h.raw(Identities.ALICE)) {
      c.send(RawClient.HELLO);
      c.readLine(READ);
      c.send("{\"type\":\"status\",\"id\":2,\"pad\":\"" + "x".repeat(5000));
      assertThat(c.readLine(READ)).contains("LINE_TOO_LONG");
      assertThat(c.awaitClosed(READ)).isTrue();
    }
  }

  @Test
  void aSlowLineIsCutOff() throws IOException {
    try (RawClient c = start().raw(Identities.ALICE)) {
      c.send(RawClient.HELLO);
      c.readLine(READ);
      c.send("{\"type\":\"status\",\"id\":2}\n{\"type\":\"sta");
      assertThat(c.readLine(READ)).contains("status_report"); // the helper has read the part
      h.advance(Limits.PARTIAL_LINE_TIMEOUT.minusSeconds(1));
      assertThat(c.readLine(Duration.ofMillis(200))).isNull();
      h.advance(Duration.ofSeconds(2));
      assertThat(c.readLine(READ)).contains("TIMEOUT").contains("unfinished");
      assertThat(c.awaitClosed(READ)).isTrue();
    }
  }

  @Test
  void aClientThatNeverSaysHelloIsCutOff() throws Exception {
    try (RawClient c = start().raw(Identities.ALICE)) {
      assertThat(ServerHarness.await(READ, () -> h.server.clientCount() == 1)).isTrue();
      h.advance(Limits.HELLO_TIMEOUT.plusSeconds(1));
      assertThat(c.readLine(READ)).contains("TIMEOUT").contains("hello");
      assertThat(c.awaitClosed(READ)).isTrue();
    }
  }

  @Test
  void anIdleClientAfterHelloStays() throws IOException {
    try (RawClient c = start().raw(Identities.ALICE)) {
      c.send(RawClient.HELLO);
      c.readLine(READ);
      h.advance(Duration.ofHours(1));
      c.send("{\"type\":\"status\",\"id\":2}\n");
      assertThat(c.readLine(READ)).contains("status_report");
    }
  }

  @Test
  void tooManyPendingRequestsAreRefused() throws IOException {
    h = new ServerHarness(dir, c -> c, new StallingDiagnose(new InMemoryTunnelService(
        java.time.Clock.systemUTC())));
    try (RawClient c = h.raw(Identities.ALICE)) {
      c.send(RawClient.HELLO);
      c.readLine(READ);
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < Limits.MAX_PENDING_PER_CLIENT + 1; i++) {
        burst.append("{\"type\":\"diagnose\",\"id\":").append(100 + i)
            .append(",\"profileName\":\"Office\"}\n");
      }
      c.send(burst.toString());
      String line = c.readLine(READ);
      assertThat(line).contains("TOO_MANY_PENDING").contains("\"id\":"
          + (100 + Limits.MAX_PENDING_PER_CLIENT));
      c.send("{\"type\":\"answer_prompt\",\"id\":5,\"promptId\":\"none\",\"cancel\":true}\n");
      assertThat(c.readLine(READ)).contains("UNKNOWN_PROMPT");
    }
  }

  @Test
  void clientsPastTheLimitAreRefused() throws IOException {
    h = new ServerHarness(dir, c -> c.withLimits(3, 16, 4096, 1 << 20), null);
    RawClient[] held = new RawClient[3];
    try {
      for (int i = 0; i < 3; i++) {
        held[i] = h.raw(Identities.ALICE);
        held[i].send(RawClient.HELLO);
        assertThat(held[i].readLine(READ)).contains("welcome");
      }
      try (RawClient extra = h.raw(Identities.ALICE)) {
        assertThat(extra.readLine(READ)).contains("TOO_MANY_CLIENTS");
        assertThat(extra.awaitClosed(READ)).isTrue();
      }
    } finally {
      for (RawClient c : held) {
        if (c != null) {
          c.close();
        }
      }
    }
  }

  @Test
  void aSubscriberThatDoesNotReadIsCutOff() throws Exception {
    h = new ServerHarness(dir, c -> c.withLimits(64, 16, 4096, 64 * 1024), null);
    try (RawClient c = h.raw(Identities.ALICE)) {
      c.send(RawClient.HELLO);
      c.send("{\"type\":\"subscribe\",\"id\":2,\"topics\":[\"LOG\"]}\n");
      assertThat(c.readLine(READ)).contains("welcome");
      assertThat(c.readLine(READ)).contains("\"type\":\"ok\""); // then it stops reading
      String filler = "x".repeat(1000);
      for (int i = 0; i < 2000 && h.server.clientCount() > 0; i++) {
        h.tunnel.log(dev.fulmar.control.message.LogLevel.INFO, filler);
      }
      assertThat(ServerHarness.await(READ, () -> h.server.clientCount() == 0)).isTrue();
      assertThat(h.logContains("does not read")).isTrue();
    }
  }

  /** The in-memory tunnel, except that diagnose never finishes (to pile up pending requests). */
  static final class StallingDiagnose implements TunnelService {
    private final InMemoryTunnelService d;

    StallingDiagnose(InMemoryTunnelService d) {
      this.d = d;
    }

    @Override
    public CompletionStage<TunnelStatus> connect(Profile p, Credentials c, PromptHandler h) {
      return d.connect(p, c, h);
    }

    @Override
    public CompletionStage<Void> disconnect() {
      return d.disconnect();
    }

    @Override
    public TunnelStatus status() {
      return d.status();
    }

    @Override
    public Optional<TrafficCounters> counters() {
      return d.counters();
    }

    @Override
    public CompletionStage<DiagnoseReport> diagnose(Profile p, Credentials c, PromptHandler h) {
      return new CompletableFuture<>();
    }

    @Override
    public AutoCloseable subscribe(TunnelListener l) {
      return d.subscribe(l);
    }
  }
}
