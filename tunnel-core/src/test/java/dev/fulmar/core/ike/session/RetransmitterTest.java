package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.RetransmissionPolicy;
import dev.fulmar.core.ike.ManualSessionLoop;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.OutstandingRequest;
import dev.fulmar.core.ike.sa.SaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetransmitterTest {
  private final ManualSessionLoop loop = new ManualSessionLoop();
  private final SaRegistry registry = new SaRegistry();
  private final List<Duration> sentAt = new ArrayList<>();
  private final List<Duration> gaveUpAt = new ArrayList<>();
  private IkeSa sa;
  private Retransmitter retransmitter;

  @BeforeEach
  void setUp() {
    sa = new IkeSa(registry.newId(), true, 0x1122334455667788L);
    registry.add(sa);
    retransmitter =
        new Retransmitter(
            loop,
            registry,
            RetransmissionPolicy.defaults(),
            datagrams -> sentAt.add(loop.elapsed()),
            (s, r) -> gaveUpAt.add(loop.elapsed()));
  }

  private OutstandingRequest request(long mid) {
    return new OutstandingRequest(mid, "IKE_SA_INIT", List.of(new byte[] {1}), loop.nanoTime());
  }

  @Test
  void backsOffExponentiallyAndGivesUpAtTheGiveUpTime() {
    retransmitter.send(sa, request(0));

    loop.advance(Duration.ofSeconds(120));

    assertThat(sentAt)
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Duration.ofSeconds(7),
            Duration.ofSeconds(15),
            Duration.ofSeconds(31),
            Duration.ofSeconds(47));
    assertThat(gaveUpAt).containsExactly(Duration.ofSeconds(60));
    assertThat(loop.pendingTimers()).isEmpty();
  }

  @Test
  void waitsAreCappedAtTheMaximumTimeout() {
    RetransmissionPolicy policy =
        new RetransmissionPolicy(
            Duration.ofMillis(500), 3.0, Duration.ofSeconds(2), Duration.ofSeconds(7));
    retransmitter =
        new Retransmitter(
            loop, registry, policy, d -> sentAt.add(loop.elapsed()),
            (s, r) -> gaveUpAt.add(loop.elapsed()));
    retransmitter.send(sa, request(0));

    loop.advance(Duration.ofSeconds(30));

    assertThat(sentAt)
        .containsExactly(
            Duration.ZERO,
            Duration.ofMillis(500),
            Duration.ofMillis(2000),
            Duration.ofMillis(4000),
            Duration.ofMillis(6000));
    assertThat(gaveUpAt).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void anAnsweredRequestIsNotSentAgain() {
    retransmitter.send(sa, request(0));
    loop.advance(Duration.ofMillis(1500));
    sa.requests().completed();

    loop.advance(Duration.ofSeconds(120));

    assertThat(sentAt).containsExactly(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(gaveUpAt).isEmpty();
    assertThat(sa.requests().nextMessageId()).isEqualTo(1);
  }

  @Test
  void aTimerOfARemovedSaDoesNothing() {
    retransmitter.send(sa, request(0));
    registry.remove(sa.id());

    loop.advance(Duration.ofSeconds(120));

    assertThat(sentAt).containsExactly(Duration.ZERO);
    assertThat(gaveUpAt).isEmpty();
  }

  @Test
  void theNextRequestRunsOnItsOwnTimerOnly() {
    retransmitter.send(sa, request(0));
    sa.requests().completed();
    loop.advance(Duration.ofMillis(100));
    retransmitter.send(sa, request(1));

    // Request 0's timer (due at 1.0 s) is gone; request 1's first retransmission is at 1.1 s.
    loop.advance(Duration.ofMillis(1000));

    assertThat(sentAt).containsExactly(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(1100));
  }
}
