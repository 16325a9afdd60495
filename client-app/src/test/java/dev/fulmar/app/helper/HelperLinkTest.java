package dev.fulmar.app.helper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.Ok;
import dev.fulmar.control.message.StateEvent;
import dev.fulmar.control.message.Subscribe;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.control.testing.FakeHelper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link to the helper against the control module's fake on a real socket. */
class HelperLinkTest {
  @TempDir Path dir;
  final LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();

  HelperLink link(Path socket) {
    return new HelperLink(socket, "t", Runnable::run, new HelperLink.Listener() {
      @Override
      public void onAvailability(Availability a, String message) {
        seen.add(a);
      }

      @Override
      public void onEvent(Event e) {
        seen.add(e);
      }
    }, Duration.ofMillis(50));
  }

  Object next() throws InterruptedException {
    Object o = seen.poll(10, TimeUnit.SECONDS);
    assertThat(o).as("an availability change or event").isNotNull();
    return o;
  }

  static FakeHelper helper(Path socket) throws Exception {
    return FakeHelper.start(socket).on(Subscribe.class, (r, s) -> {
      s.push(new StateEvent(TunnelStatus.disconnected(1)));
      return new Ok();
    });
  }

  @Test
  void subscribesAndForwardsTheFirstState() throws Exception {
    Path socket = dir.resolve("c.sock");
    try (FakeHelper h = helper(socket); HelperLink l = link(socket)) {
      l.start();
      assertThat(next()).isEqualTo(Availability.CONNECTING);
      Object a = next();
      Object b = next();
      assertThat(java.util.List.of(a, b)).contains(Availability.READY)
          .anySatisfy(x -> assertThat(x).isInstanceOf(StateEvent.class));
      assertThat(h.received()).anySatisfy(r -> assertThat(r).isInstanceOf(Subscribe.class));
      assertThat(l.isReady()).isTrue();
    }
  }

  @Test
  void reportsAMissingHelperAndConnectsOnceItStarts() throws Exception {
    Path socket = dir.resolve("c.sock");
    try (HelperLink l = link(socket)) {
      l.start();
      assertThat(next()).isEqualTo(Availability.CONNECTING);
      assertThat(next()).isEqualTo(Availability.NOT_RUNNING);
      assertThat(l.call(c -> c.status()).handle((r, e) -> e).get(5, TimeUnit.SECONDS))
          .hasMessageContaining("not connected");
      try (FakeHelper h = helper(socket)) {
        Object o;
        do {
          o = next();
        } while (o != Availability.READY);
        assertThat(l.isReady()).isTrue();
      }
    }
  }

  @Test
  void aHelperThatGoesAwayIsReconnected() throws Exception {
    Path socket = dir.resolve("c.sock");
    try (FakeHelper h = helper(socket); HelperLink l = link(socket)) {
      l.start();
      Object o;
      do {
        o = next();
      } while (o != Availability.READY);
      h.dropClients();
      assertThat(next()).isInstanceOfAny(StateEvent.class, Availability.class);
      do {
        o = next();
      } while (o != Availability.READY);
      assertThat(h.received().stream().filter(Subscribe.class::isInstance)).hasSize(2);
    }
  }

  @Test
  void aRefusedUserIsNotPermitted() throws Exception {
    Path socket = dir.resolve("c.sock");
    try (FakeHelper h = helper(socket).refuseAll("not in group fulmar");
        HelperLink l = link(socket)) {
      l.start();
      assertThat(next()).isEqualTo(Availability.CONNECTING);
      assertThat(next()).isEqualTo(Availability.NOT_PERMITTED);
    }
  }
}
