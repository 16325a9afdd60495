package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import dev.fulmar.core.ike.InMemoryResponder;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Anything on the wire that is not the gateway's authentic answer is dropped: random datagrams
 * and damaged copies of the gateway's messages, injected at random points of a handshake, never
 * crash the session, never end it with an internal error, and once IKE_SA_INIT is done (so every
 * message is authenticated) never stop it from establishing.
 */
class GarbageInjectionTest {

  @Property(tries = 30)
  void damagedCopiesOfAuthenticatedMessagesAreDropped(@ForAll long seed) {
    ExchangeHarness h = new ExchangeHarness();
    Random r = new Random(seed);
    h.connect();
    h.toGateway();
    h.toClient();
    while (!h.network.inFlight().isEmpty()) {
      InMemoryNetwork.Datagram next = h.network.inFlight().get(0);
      if (!next.to().getAddress().equals(InMemoryResponder.GATEWAY) && r.nextInt(2) == 0) {
        h.network.sendFrom(next.from(), next.to(), damage(next.data(), r));
      }
      h.network.deliverNext();
    }

    assertThat(h.session.state()).as("failure %s", h.events.failure)
        .isEqualTo(SessionState.ESTABLISHED);
  }

  @Property(tries = 30)
  void randomDatagramsAnywhereNeverCrashTheSession(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int injections) {
    ExchangeHarness h = new ExchangeHarness();
    Random r = new Random(seed);
    h.connect();
    int left = injections;
    while (!h.network.inFlight().isEmpty()) {
      InMemoryNetwork.Datagram next = h.network.inFlight().get(0);
      boolean toClient = !next.to().getAddress().equals(InMemoryResponder.GATEWAY);
      if (toClient && left > 0 && r.nextBoolean()) {
        left--;
        byte[] garbage = r.nextBoolean() ? damage(next.data(), r) : random(r);
        h.network.sendFrom(next.from(), next.to(), garbage);
      }
      h.network.deliverNext();
    }
    h.loop.runTimers(java.time.Duration.ofMinutes(2));

    SessionState s = h.session.state();
    assertThat(s).isIn(SessionState.ESTABLISHED, SessionState.FAILED);
    if (s == SessionState.FAILED) {
      assertThat(h.events.failure.code()).isNotEqualTo(ErrorCode.INTERNAL_ERROR);
    }
  }

  /** A copy with a few bytes flipped, or cut short. */
  static byte[] damage(byte[] d, Random r) {
    byte[] out = d.clone();
    if (out.length == 0) {
      return random(r);
    }
    if (r.nextInt(4) == 0 && out.length > 1) {
      return Arrays.copyOf(out, r.nextInt(out.length));
    }
    int flips = 1 + r.nextInt(3);
    for (int i = 0; i < flips; i++) {
      out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255));
    }
    return out;
  }

  static byte[] random(Random r) {
    byte[] b = new byte[r.nextInt(600)];
    r.nextBytes(b);
    return b;
  }
}
