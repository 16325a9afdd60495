package dev.fulmar.core.ike.sa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageWindowsTest {

  private static OutstandingRequest request(long mid) {
    return new OutstandingRequest(mid, "INFORMATIONAL", List.of(new byte[] {1}), 0);
  }

  @Test
  void requestIdsCountUpOneAtATime() {
    RequestWindow w = new RequestWindow();
    w.sent(request(0));
    assertThat(w.busy()).isTrue();
    assertThatThrownBy(() -> w.sent(request(1))).isInstanceOf(IllegalStateException.class);
    assertThat(w.matches(1)).isFalse();
    assertThat(w.matches(0)).isTrue();
    w.completed();
    assertThat(w.nextMessageId()).isEqualTo(1);
    assertThatThrownBy(() -> w.sent(request(5))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void cookieAndInvalidKeRetriesReuseMessageIdZero() {
    RequestWindow w = new RequestWindow();
    w.sent(request(0));
    w.retrySameId();
    assertThat(w.busy()).isFalse();
    assertThat(w.nextMessageId()).isZero();
    w.sent(request(0));
    assertThat(w.matches(0)).isTrue();
  }

  @Test
  void aRetransmittedPeerRequestGetsTheCachedResponse() {
    ResponseWindow w = new ResponseWindow();
    assertThat(w.classify(0)).isEqualTo(ResponseWindow.Verdict.NEW);
    assertThat(w.classify(1)).isEqualTo(ResponseWindow.Verdict.OUT_OF_WINDOW);
    byte[] response = {9, 9};
    w.responded(List.of(response));
    assertThat(w.classify(0)).isEqualTo(ResponseWindow.Verdict.RETRANSMISSION);
    assertThat(w.lastResponse()).containsExactly(response);
    assertThat(w.classify(1)).isEqualTo(ResponseWindow.Verdict.NEW);
    assertThat(w.classify(7)).isEqualTo(ResponseWindow.Verdict.OUT_OF_WINDOW);
  }

  @Test
  void beforeAnyResponseTheIdBelowTheWindowIsNotARetransmission() {
    ResponseWindow w = new ResponseWindow(2);
    assertThat(w.classify(1)).isEqualTo(ResponseWindow.Verdict.OUT_OF_WINDOW);
  }

  @Test
  void removingAnSaCancelsItsRetransmissionTimer() {
    SaRegistry registry = new SaRegistry();
    IkeSa sa = new IkeSa(registry.newId(), true, 42);
    registry.add(sa);
    boolean[] cancelled = {false};
    OutstandingRequest r = request(0);
    r.setTimer(() -> cancelled[0] = true);
    sa.requests().sent(r);

    assertThat(registry.remove(sa.id())).isTrue();

    assertThat(cancelled[0]).isTrue();
    assertThat(registry.find(sa.id())).isEmpty();
    assertThat(registry.findByLocalSpi(42)).isEmpty();
  }
}
