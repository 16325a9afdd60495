package dev.fulmar.helper.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.message.LogLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's proof: 10,000 fuzzed or malformed messages and 50 concurrent misbehaving clients, and
 * the helper still answers {@code status} promptly afterwards. The one-second bound is a
 * robustness check with a generous margin, not a performance target.
 */
class RobustnessTest {
  private static final int FUZZ_MESSAGES = 10_000;
  @TempDir Path dir;

  @Test
  void survivesFuzzAndFiftyMisbehavingClients() throws Exception {
    try (ServerHarness h = new ServerHarness(dir,
        c -> c.withLimits(128, 16, 64 * 1024, 256 * 1024), null)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<RawClient> misbehaving = misbehave(h);
      AtomicInteger sent = new AtomicInteger();
      List<Future<?>> fuzzers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        long seed = w;
        fuzzers.add(pool.submit(() -> fuzz(h, new Random(seed), FUZZ_MESSAGES / 4, sent)));
      }
      for (int i = 0; i < 3000; i++) {
        h.tunnel.log(LogLevel.INFO, "log flood " + i + " " + "y".repeat(200));
      }
      for (Future<?> f : fuzzers) {
        f.get();
      }
      assertThat(sent.get()).isGreaterThanOrEqualTo(FUZZ_MESSAGES);
      h.advance(Duration.ofMinutes(1)); // slow lines and missing hellos time out
      assertThat(ServerHarness.await(Duration.ofSeconds(20),
          () -> h.server.clientCount() == 0)).as("misbehaving clients cut off").isTrue();
      long start = System.nanoTime();
      try (ControlClient good = h.client(Identities.ALICE)) {
        assertThat(good.status().status().state()).isNotNull();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("hello + status after the storm: " + millis + " ms");
      assertThat(millis).as("hello + status after the storm, ms").isLessThan(1000);
      for (RawClient c : misbehaving) {
        c.close();
      }
      pool.shutdownNow();
    }
  }

  /** Fifty clients that each break the protocol in their own way, and keep their sockets. */
  private static List<RawClient> misbehave(ServerHarness h) throws IOException {
    List<RawClient> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      RawClient c = h.raw(Identities.ALICE);
      out.add(c);
      switch (i % 5) {
        case 0 -> c.send(RawClient.HELLO + "{\"type\":\"status\",\"id\":2,\"pa"); // slowloris
        case 1 -> { } // never says hello
        case 2 -> c.send("[" + "{\"a\":".repeat(20_000)); // oversize without a newline
        case 3 -> c.send(RawClient.HELLO + "{\"type\":\"subscribe\",\"id\":2,"
            + "\"topics\":[\"LOG\",\"STATE\"]}\n"); // subscribes, never reads
        default -> { // floods valid requests without reading the answers
          StringBuilder b = new StringBuilder(RawClient.HELLO);
          for (int k = 0; k < 400; k++) {
            b.append("{\"type\":\"logs\",\"id\":").append(10 + k).append(",\"max\":2000}\n");
          }
          c.send(b.toString());
        }
      }
    }
    return out;
  }

  /** Sends {@code count} malformed lines, reconnecting whenever the helper cuts the client off. */
  private static Void fuzz(ServerHarness h, Random r, int count, AtomicInteger sent)
      throws IOException {
    String[] seeds = {"{\"type\":\"connect\",\"id\":1,\"profileName\":\"Office\"}",
        "{\"type\":\"subscribe\",\"id\":2,\"topics\":[\"STATE\"]}",
        "{\"type\":\"answer_prompt\",\"id\":3,\"promptId\":\"p\",\"secret\":\"x\"}",
        "{\"type\":\"set_policy\",\"id\":4,\"policy\":{\"killSwitch\":\"OFF\"}}"};
    RawClient c = null;
    int done = 0;
    while (done < count) {
      if (c == null) {
        c = h.raw(Identities.ALICE);
        c.send(RawClient.HELLO);
      }
      byte[] line = mutate(seeds[r.nextInt(seeds.length)].getBytes(StandardCharsets.UTF_8), r);
      if (!c.send(line) || !c.send("\n")) {
        c.close();
        c = null;
        continue;
      }
      done++;
      sent.incrementAndGet();
      if (done % 16 == 0) {
        c.close(); // a fresh client before the bad-line limit, so most lines get parsed
        c = null;
      }
    }
    if (c != null) {
      c.close();
    }
    return null;
  }

  private static byte[] mutate(byte[] b, Random r) {
    byte[] out = b.clone();
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      int at = r.nextInt(out.length);
      byte v = (byte) "{}[]\":,x0-\\".charAt(r.nextInt(11));
      out[at] = r.nextBoolean() ? v : (byte) (r.nextInt(94) + 32);
    }
    return out;
  }
}
