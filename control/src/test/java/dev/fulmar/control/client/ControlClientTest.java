package dev.fulmar.control.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.LogEvent;
import dev.fulmar.control.message.Ok;
import dev.fulmar.control.message.PeerInfo;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.Role;
import dev.fulmar.control.message.Samples;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.control.message.StatusRequest;
import dev.fulmar.control.message.Subscribe;
import dev.fulmar.control.message.Topic;
import dev.fulmar.control.testing.FakeHelper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a scripted helper on a real socket. */
class ControlClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;
  private FakeHelper helper;

  @BeforeEach
  void start() throws IOException {
    helper = FakeHelper.start(dir.resolve("control.sock"));
  }

  @AfterEach
  void stop() throws IOException {
    helper.close();
  }

  private ControlClient client(EventListener l) throws ControlException {
    return ControlClient.connect(helper.socket(), "test", "1", l, WAIT);
  }

  @Test
  void saysHelloAndLearnsItsRole() throws Exception {
    helper.peer(new PeerInfo(0, "root", Role.ADMIN));
    try (ControlClient c = client(null)) {
      assertThat(c.welcome().peer().role()).isEqualTo(Role.ADMIN);
      assertThat(c.welcome().version()).isEqualTo(1);
    }
    assertThat(helper.received().get(0)).isInstanceOf(dev.fulmar.control.message.Hello.class);
  }

  @Test
  void matchesAnswersToRequests() throws Exception {
    helper.on(StatusRequest.class, (r, s) -> new StatusReport(Samples.connected(),
        Samples.stats()));
    try (ControlClient c = client(null)) {
      assertThat(c.status().status()).isEqualTo(Samples.connected());
    }
  }

  @Test
  void deliversEventsInOrder() throws Exception {
    BlockingQueue<Event> got = new LinkedBlockingQueue<>();
    helper.on(Subscribe.class, (r, s) -> {
      for (int i = 0; i < 50; i++) {
        s.push(new LogEvent(new dev.fulmar.control.message.LogLine(i, 0,
            dev.fulmar.control.message.LogLevel.INFO, "t", "line " + i)));
      }
      return new Ok();
    });
    try (ControlClient c = client(got::add)) {
      c.subscribe(Topic.LOG);
      for (int i = 0; i < 50; i++) {
        Event e = got.poll(10, TimeUnit.SECONDS);
        assertThat(((LogEvent) e).line().seq()).isEqualTo(i);
      }
    }
  }

  @Test
  void answersAPromptWhileConnecting() throws Exception {
    helper.on(Connect.class, (r, s) -> {
      s.push(new PromptEvent("p1", PromptKind.EAP_CREDENTIALS, "Office", "alice", "gateway",
          null));
      AnswerPrompt a = s.awaitAnswer("p1", WAIT);
      boolean right = a != null && new String(a.secret().chars()).equals("s3cret");
      return right ? new StatusReport(Samples.connected(), Samples.stats())
          : ErrorReply.of(ErrorCode.CONNECT_FAILED, "wrong");
    });
    ControlClient[] holder = new ControlClient[1];
    EventListener l = e -> {
      if (e instanceof PromptEvent p) {
        try {
          holder[0].answer(AnswerPrompt.answer(p.promptId(), null, "s3cret".toCharArray()));
        } catch (ControlException ex) {
          throw new IllegalStateException(ex);
        }
      }
    };
    try (ControlClient c = client(l)) {
      holder[0] = c;
      StatusReport r = c.connect(Connect.byName("Office", Credentials.none()), WAIT);
      assertThat(r.status().profile()).isEqualTo("Office");
    }
  }

  @Test
  void errorRepliesBecomeTypedExceptions() throws Exception {
    helper.on(Connect.class, (r, s) -> new ErrorReply(ErrorCode.CONNECT_FAILED, "failed",
        Samples.failure(), List.of()));
    try (ControlClient c = client(null)) {
      assertThatThrownBy(() -> c.connect(Connect.byName("Office", null), WAIT))
          .isInstanceOfSatisfying(RequestFailedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
            assertThat(e.reply().failure().step()).isEqualTo("IKE_AUTH");
          });
    }
  }

  @Test
  void timesOutWhenTheHelperDoesNotAnswer() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    helper.on(StatusRequest.class, (r, s) -> {
      release.await(10, TimeUnit.SECONDS);
      return new StatusReport(Samples.connected(), null);
    });
    try (ControlClient c = client(null)) {
      assertThatThrownBy(() -> c.request(new StatusRequest(), StatusReport.class,
          Duration.ofMillis(200)))
          .isInstanceOf(ControlTimeoutException.class).hasMessageContaining("status");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aMissingSocketSaysTheHelperIsNotRunningAndHowToStartIt() {
    assertThatThrownBy(() -> ControlClient.connect(dir.resolve("none.sock"), "t", "1"))
        .isInstanceOf(HelperNotRunningException.class)
        .hasMessageContaining("not running").hasMessageContaining("systemctl start fulmard");
  }

  @Test
  void aStaleSocketSaysTheHelperIsNotRunning() throws IOException {
    Path stale = dir.resolve("stale.sock");
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(stale));
    s.close();
    assertThatThrownBy(() -> ControlClient.connect(stale, "t", "1"))
        .isInstanceOf(HelperNotRunningException.class);
  }

  @Test
  void aRefusedUserIsToldWhoMayConnect() {
    helper.refuseAll("user bob (uid 1001) is not in group 'fulmar'");
    assertThatThrownBy(() -> client(null))
        .isInstanceOf(NotPermittedException.class).hasMessageContaining("group 'fulmar'");
  }

  @Test
  void pendingRequestsFailWhenTheHelperGoesAway() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    helper.on(StatusRequest.class, (r, s) -> {
      entered.countDown();
      Thread.currentThread().join();
      return null;
    });
    BlockingQueue<Object> closed = new LinkedBlockingQueue<>();
    EventListener l = new EventListener() {
      @Override
      public void onEvent(Event event) {}

      @Override
      public void onClosed(ControlException cause) {
        closed.add(cause == null ? "null" : cause);
      }
    };
    try (ControlClient c = client(l)) {
      Thread t = new Thread(() -> {
        try {
          entered.await();
          helper.dropClients();
        } catch (InterruptedException ignored) {
          // test ends
        }
      });
      t.start();
      assertThatThrownBy(c::status).isInstanceOf(ConnectionLostException.class);
      assertThat(closed.poll(10, TimeUnit.SECONDS)).isInstanceOf(ConnectionLostException.class);
      assertThat(c.isOpen()).isFalse();
    }
  }
}
