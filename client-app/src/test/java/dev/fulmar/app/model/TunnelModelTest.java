package dev.fulmar.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.message.Stats;
import dev.fulmar.control.message.StatsEvent;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import org.junit.jupiter.api.Test;

class TunnelModelTest {
  static TunnelStatus s(TunnelState st) {
    return new TunnelStatus(st, "p", "g", 0, null, null);
  }

  @Test
  void unknownUntilTheHelperReportsAndAgainWhenItGoesAway() {
    TunnelModel t = new TunnelModel();
    assertThat(t.isKnown()).isFalse();
    t.apply(s(TunnelState.CONNECTED));
    assertThat(t.isKnown()).isTrue();
    t.forget();
    assertThat(t.isKnown()).isFalse();
    assertThat(t.state()).isEqualTo(TunnelState.CONNECTED);
  }

  @Test
  void reconnectingKeepsTheGraphANewAttemptStartsAnew() {
    TunnelModel t = new TunnelModel();
    t.apply(s(TunnelState.CONNECTING));
    t.apply(s(TunnelState.CONNECTED));
    t.apply(new StatsEvent(new Stats(1, 10, 10, 1, 1, 5, 5)));
    t.apply(s(TunnelState.RECONNECTING));
    t.apply(s(TunnelState.CONNECTED));
    assertThat(t.history().size()).isEqualTo(1);
    assertThat(t.statsProperty().get()).isNotNull();
    t.apply(s(TunnelState.DISCONNECTED));
    assertThat(t.history().size()).isZero();
    assertThat(t.statsProperty().get()).isNull();
  }
}
