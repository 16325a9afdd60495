package dev.fulmar.control.client;

import dev.fulmar.control.ProtocolVersion;
import dev.fulmar.control.SocketPaths;
import dev.fulmar.control.codec.MessageCodec;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.BundleData;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.DeleteSystemProfile;
import dev.fulmar.control.message.Diagnose;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.control.message.Disconnect;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.GetBundle;
import dev.fulmar.control.message.GetLogs;
import dev.fulmar.control.message.GetPolicy;
import dev.fulmar.control.message.Hello;
import dev.fulmar.control.message.ListProfiles;
import dev.fulmar.control.message.LogLines;
import dev.fulmar.control.message.MessageTypes;
import dev.fulmar.control.message.Ok;
import dev.fulmar.control.message.Policy;
import dev.fulmar.control.message.PolicyReport;
import dev.fulmar.control.message.ProfileList;
import dev.fulmar.control.message.Request;
import dev.fulmar.control.message.Response;
import dev.fulmar.control.message.SaveSystemProfile;
import dev.fulmar.control.message.SetPolicy;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.control.message.StatusRequest;
import dev.fulmar.control.message.Subscribe;
import dev.fulmar.control.message.Topic;
import dev.fulmar.control.message.Unsubscribe;
import dev.fulmar.control.message.Welcome;
import dev.fulmar.profiles.model.Profile;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the app and the CLI talk to the helper: connects to the control socket, says
 * {@code hello}, then sends requests and waits for their answers (each with a timeout) while
 * pushed events go to an {@link EventListener}. Thread-safe: requests from several threads are
 * matched to their answers by id.
 *
 * <pre>
 *   try (ControlClient c = ControlClient.connect(SocketPaths.current(), "fulmar-cli", "1.0")) {
 *     StatusReport s = c.status();
 *   }
 * </pre>
 */
public final class ControlClient implements AutoCloseable {
  /** The timeout of quick requests. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Path socket;
  private final ClientConnection connection;
  private final Welcome welcome;

  private ControlClient(Path socket, ClientConnection connection, Welcome welcome) {
    this.socket = socket;
    this.connection = connection;
    this.welcome = welcome;
  }

  /** Connects and says hello, with no event listener yet and the default timeout. */
  public static ControlClient connect(Path socket, String client, String clientVersion)
      throws ControlException {
    return connect(socket, client, clientVersion, null, DEFAULT_TIMEOUT);
  }

  /**
   * Connects to {@code socket} and says hello.
   *
   * @throws HelperNotRunningException nothing listens there (says how to start the helper)
   * @throws NotPermittedException this user may not use the helper (says how to get access)
   * @throws ControlException any other failure, with a message for the user
   */
  public static ControlClient connect(Path socket, String client, String clientVersion,
      EventListener listener, Duration timeout) throws ControlException {
    SocketChannel channel = open(socket);
    ClientConnection conn = new ClientConnection(channel, MessageCodec.forClient(), listener);
    try {
      Response r = conn.call(new Hello(ProtocolVersion.MIN, ProtocolVersion.MAX, client,
          clientVersion), timeout);
      if (r instanceof ErrorReply e) {
        throw e.code() == ErrorCode.NOT_PERMITTED ? new NotPermittedException(e.message(), null)
            : new RequestFailedException(e);
      }
      if (!(r instanceof Welcome w)) {
        throw new ControlException("the helper answered hello with '"
            + MessageTypes.nameOf(r.getClass()) + "'");
      }
      return new ControlClient(socket, conn, w);
    } catch (ConnectionLostException e) {
      conn.close();
      ErrorReply last = conn.lastUnsolicitedError();
      if (last != null && last.code() == ErrorCode.NOT_PERMITTED) {
        throw new NotPermittedException(last.message(), e);
      }
      throw e;
    } catch (ControlException | RuntimeException e) {
      conn.close();
      throw e;
    }
  }

  private static SocketChannel open(Path socket) throws ControlException {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      return channel;
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("permission denied") || e instanceof java.nio.file.AccessDeniedException) {
        throw new NotPermittedException(notPermittedMessage(socket), e);
      }
      if (m.contains("no such file") || m.contains("connection refused")
          || m.contains("not a directory") || e instanceof java.net.ConnectException) {
        throw new HelperNotRunningException(socket, e);
      }
      throw new ControlException("cannot reach the Fulmar helper at " + socket + ": "
          + e.getMessage(), e);
    }
  }

  static String notPermittedMessage(Path socket) {
    String user = System.getProperty("user.name", "your-user");
    return "You may not use the Fulmar helper: " + socket + " is open only to root and members "
        + "of group '" + SocketPaths.OPERATOR_GROUP + "'. Ask an administrator to run: sudo "
        + "usermod -aG " + SocketPaths.OPERATOR_GROUP + " " + user
        + " (then log out and in again).";
  }

  private static void closeQuietly(SocketChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }

  /** The helper's answer to hello: protocol version, helper version, who we are to it. */
  public Welcome welcome() {
    return welcome;
  }

  /** The socket this client is connected to. */
  public Path socket() {
    return socket;
  }

  /** Sets who receives pushed events (replacing the previous listener). */
  public void setEventListener(EventListener listener) {
    connection.setListener(listener);
  }

  /** Whether the connection is still open. */
  public boolean isOpen() {
    return connection.isOpen();
  }

  /**
   * Sends {@code request} and waits up to {@code timeout} for its answer.
   *
   * @throws RequestFailedException the helper answered with an error
   * @throws ControlTimeoutException no answer in time
   * @throws ConnectionLostException the connection closed
   */
  public <R extends Response> R request(Request request, Class<R> expected, Duration timeout)
      throws ControlException {
    Response r = connection.call(request, timeout);
    if (r instanceof ErrorReply e) {
      throw new RequestFailedException(e);
    }
    if (!expected.isInstance(r)) {
      throw new ControlException("the helper answered '" + MessageTypes.nameOf(request.getClass())
          + "' with '" + MessageTypes.nameOf(r.getClass()) + "'");
    }
    return expected.cast(r);
  }

  public StatusReport status() throws ControlException {
    return request(new StatusRequest(), StatusReport.class, DEFAULT_TIMEOUT);
  }

  public ProfileList listProfiles() throws ControlException {
    return request(new ListProfiles(), ProfileList.class, DEFAULT_TIMEOUT);
  }

  /** Connects and waits until connected (or failed: {@code CONNECT_FAILED} with the failure). */
  public StatusReport connect(Connect connect, Duration timeout) throws ControlException {
    return request(connect, StatusReport.class, timeout);
  }

  public void disconnect(Duration timeout) throws ControlException {
    request(new Disconnect(), Ok.class, timeout);
  }

  public void subscribe(Topic first, Topic... more) throws ControlException {
    request(new Subscribe(EnumSet.of(first, more)), Ok.class, DEFAULT_TIMEOUT);
  }

  public void unsubscribe(Topic first, Topic... more) throws ControlException {
    request(new Unsubscribe(EnumSet.of(first, more)), Ok.class, DEFAULT_TIMEOUT);
  }

  /** Answers a prompt; the answer's secret is wiped once sent. */
  public void answer(AnswerPrompt answer) throws ControlException {
    try {
      request(answer, Ok.class, DEFAULT_TIMEOUT);
    } finally {
      if (answer.secret() != null) {
        answer.secret().wipe();
      }
    }
  }

  public DiagnoseReport diagnose(Diagnose diagnose, Duration timeout) throws ControlException {
    return request(diagnose, DiagnoseReport.class, timeout);
  }

  public LogLines logs(int max, long afterSeq) throws ControlException {
    return request(new GetLogs(max, afterSeq), LogLines.class, DEFAULT_TIMEOUT);
  }

  public BundleData bundle(Duration timeout) throws ControlException {
    return request(new GetBundle(), BundleData.class, timeout);
  }

  public Policy policy() throws ControlException {
    return request(new GetPolicy(), PolicyReport.class, DEFAULT_TIMEOUT).policy();
  }

  public void setPolicy(Policy policy) throws ControlException {
    request(new SetPolicy(policy), Ok.class, DEFAULT_TIMEOUT);
  }

  public void saveSystemProfile(Profile profile) throws ControlException {
    request(new SaveSystemProfile(profile), Ok.class, DEFAULT_TIMEOUT);
  }

  public void deleteSystemProfile(String name) throws ControlException {
    request(new DeleteSystemProfile(name), Ok.class, DEFAULT_TIMEOUT);
  }

  /** Closes the connection; requests still waiting fail with {@link ConnectionLostException}. */
  @Override
  public void close() {
    connection.close();
  }

  /** Wipes an encoded line after it was sent. */
  static void wipe(byte[] line) {
    Arrays.fill(line, (byte) 0);
  }

  /** Completes {@code f} within {@code timeout}, mapping failures to {@link ControlException}. */
  static Response await(CompletableFuture<Response> f, Duration timeout, String what)
      throws ControlException {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ControlTimeoutException("the helper did not answer '" + what + "' within "
          + Math.max(1, timeout.toSeconds()) + " s");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ControlException ce) {
        throw ce;
      }
      throw new ControlException("request '" + what + "' failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlException("interrupted while waiting for the helper");
    }
  }

  static ByteBuffer readBuffer() {
    return ByteBuffer.allocate(64 * 1024);
  }
}
