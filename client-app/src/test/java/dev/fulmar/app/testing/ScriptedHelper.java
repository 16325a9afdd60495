package dev.fulmar.app.testing;

import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.BundleData;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Disconnect;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.GetBundle;
import dev.fulmar.control.message.GetLogs;
import dev.fulmar.control.message.GetPolicy;
import dev.fulmar.control.message.ListProfiles;
import dev.fulmar.control.message.LogEvent;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.LogLine;
import dev.fulmar.control.message.LogLines;
import dev.fulmar.control.message.Ok;
import dev.fulmar.control.message.Policy;
import dev.fulmar.control.message.PolicyReport;
import dev.fulmar.control.message.ProfileList;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import dev.fulmar.control.message.Response;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.control.message.StateEvent;
import dev.fulmar.control.message.Stats;
import dev.fulmar.control.message.StatsEvent;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.control.message.StatusRequest;
import dev.fulmar.control.message.Subscribe;
import dev.fulmar.control.message.Topic;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import dev.fulmar.control.testing.FakeHelper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A helper for the app's tests: the control module's {@link FakeHelper} (the real protocol over
 * a real Unix socket) with a small tunnel behind it that behaves like {@code fulmard} does to a
 * client: a state event on subscribe, {@code connecting} then {@code connected} or {@code error}
 * (with the failure), prompts that wait for the answer, stats and log events on demand.
 */
public final class ScriptedHelper implements AutoCloseable {

  /** What a connect request does. */
  @FunctionalInterface
  public interface ConnectScript {
    Response run(Connect c, FakeHelper.Session s, ScriptedHelper h) throws Exception;
  }

  private final FakeHelper fake;
  private volatile TunnelStatus status = TunnelStatus.disconnected(0);
  private volatile List<ProfileSummary> profiles = List.of();
  private volatile Policy policy = Policy.DEFAULT;
  private final List<LogLine> log = new CopyOnWriteArrayList<>();
  private final List<AnswerPrompt> answers = new CopyOnWriteArrayList<>();
  private volatile ConnectScript onConnect = succeed();
  private volatile long clock = 1_700_000_000_000L;

  private ScriptedHelper(FakeHelper fake) {
    this.fake = fake;
    fake.on(Subscribe.class, (r, s) -> {
      if (r.topics().contains(Topic.STATE)) {
        s.push(new StateEvent(status));
      }
      return new Ok();
    });
    fake.on(StatusRequest.class, (r, s) -> new StatusReport(status, null));
    fake.on(ListProfiles.class, (r, s) -> new ProfileList(profiles));
    fake.on(GetPolicy.class, (r, s) -> new PolicyReport(policy));
    fake.on(GetLogs.class, (r, s) -> new LogLines(log.stream()
        .filter(l -> l.seq() > r.afterSeq()).limit(r.max()).toList()));
    fake.on(GetBundle.class, (r, s) -> new BundleData("fulmar-diagnostics.zip",
        new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    fake.on(Disconnect.class, (r, s) -> {
      if (status.state() != TunnelState.DISCONNECTED) {
        state(new TunnelStatus(TunnelState.DISCONNECTING, status.profile(), status.gateway(),
            clock, null, null));
        state(TunnelStatus.disconnected(clock));
      }
      return new Ok();
    });
    fake.on(Connect.class, (r, s) -> onConnect.run(r, s, this));
  }

  /** Starts on a socket in {@code dir}. */
  public static ScriptedHelper start(Path dir) throws IOException {
    return new ScriptedHelper(FakeHelper.start(dir.resolve("control.sock")));
  }

  public Path socket() {
    return fake.socket();
  }

  public FakeHelper fake() {
    return fake;
  }

  public ScriptedHelper profiles(ProfileSummary... p) {
    profiles = List.of(p);
    return this;
  }

  public ScriptedHelper policy(Policy p) {
    policy = p;
    return this;
  }

  public ScriptedHelper onConnect(ConnectScript script) {
    onConnect = script;
    return this;
  }

  /** The answers the app gave to prompts, in order. */
  public List<AnswerPrompt> answers() {
    return List.copyOf(answers);
  }

  /** The connect requests received, in order. */
  public List<Connect> connects() {
    return fake.received().stream().filter(Connect.class::isInstance).map(Connect.class::cast)
        .toList();
  }

  /** Sets and pushes a state. */
  public void state(TunnelStatus s) {
    status = s;
    fake.pushToAll(new StateEvent(s));
  }

  public TunnelStatus status() {
    return status;
  }

  /** Pushes one second of counters. */
  public void stats(long in, long out, long rateIn, long rateOut) {
    clock += 1000;
    fake.pushToAll(new StatsEvent(new Stats(clock, in, out, in / 1000, out / 1000, rateIn,
        rateOut)));
  }

  /** Adds a log line to the ring and pushes it. */
  public void log(LogLevel level, String source, String message) {
    LogLine l = new LogLine(log.size() + 1, clock, level, source, message);
    log.add(l);
    fake.pushToAll(new LogEvent(l));
  }

  /** A session as the status card shows it. */
  public static SessionDetails session() {
    return new SessionDetails("192.0.2.10:4500", "alice@example.net", "vpn.example.net",
        "CN=vpn.example.net", "EAP-MSCHAPv2", "aes256gcm16-prfsha384-ecp384", "aes256gcm16",
        List.of("ecp384", "mlkem768"), List.of("10.8.0.2"), List.of("10.8.0.1"),
        List.of("corp.example"), true, List.of(), "no NAT", true, false);
  }

  /** Connecting, then connected. */
  public static ConnectScript succeed() {
    return (c, s, h) -> {
      h.state(h.connecting(c));
      return h.connected(c);
    };
  }

  /** Connecting, a prompt of {@code kind}, then connected (or failed with CANCELLED). */
  public static ConnectScript prompt(PromptKind kind) {
    return (c, s, h) -> {
      h.state(h.connecting(c));
      String id = "p" + h.answers.size();
      s.push(new PromptEvent(id, kind, c.targetName(), kind == PromptKind.EAP_CREDENTIALS
          ? "alice" : null, "the gateway vpn.example.net (authenticated)", null));
      AnswerPrompt a = s.awaitAnswer(id, Duration.ofSeconds(30));
      if (a == null) {
        return h.fail(c, "IKE_AUTH", "CREDENTIALS_MISSING", Map.of("what", "password"));
      }
      h.answers.add(a);
      if (a.cancel()) {
        return h.fail(c, "IKE_AUTH", "CANCELLED", Map.of());
      }
      return h.connected(c);
    };
  }

  /** Connecting, then failed at {@code step} with {@code code}. */
  public static ConnectScript failing(String step, String code, Map<String, String> details) {
    return (c, s, h) -> {
      h.state(h.connecting(c));
      return h.fail(c, step, code, details);
    };
  }

  TunnelStatus connecting(Connect c) {
    return new TunnelStatus(TunnelState.CONNECTING, c.targetName(), "vpn.example.net", clock,
        null, null);
  }

  Response connected(Connect c) {
    TunnelStatus up = new TunnelStatus(TunnelState.CONNECTED, c.targetName(), "vpn.example.net",
        clock, null, session());
    state(up);
    return new StatusReport(up, Stats.zero(clock));
  }

  /** Pushes the error state and answers CONNECT_FAILED, as the helper does. */
  public Response fail(Connect c, String step, String code, Map<String, String> details) {
    Failure f = new Failure(step, code, "English reason from the helper for " + code,
        "English fix from the helper", details);
    state(new TunnelStatus(TunnelState.ERROR, c.targetName(), "vpn.example.net", clock, f, null));
    return new ErrorReply(ErrorCode.CONNECT_FAILED, f.message(), f, new ArrayList<>());
  }

  @Override
  public void close() throws IOException {
    fake.close();
  }
}
