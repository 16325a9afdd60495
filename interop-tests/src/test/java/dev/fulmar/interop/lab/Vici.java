package dev.fulmar.interop.lab;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client of charon's VICI socket: commands, and commands that stream events (list-sas,
 * initiate with control-log). One command at a time per connection.
 *
 * <pre>
 *   transport: 32-bit big-endian length | packet
 *   packet:    type(8) [name length(8) name] message
 *   types:     CMD_REQUEST 0, CMD_RESPONSE 1, CMD_UNKNOWN 2, EVENT_REGISTER 3,
 *              EVENT_UNREGISTER 4, EVENT_CONFIRM 5, EVENT_UNKNOWN 6, EVENT 7
 * </pre>
 */
final class Vici implements AutoCloseable {
  static final int CMD_REQUEST = 0;
  static final int CMD_RESPONSE = 1;
  static final int CMD_UNKNOWN = 2;
  static final int EVENT_REGISTER = 3;
  static final int EVENT_UNREGISTER = 4;
  static final int EVENT_CONFIRM = 5;
  static final int EVENT_UNKNOWN = 6;
  static final int EVENT = 7;
  /** strongSwan limits a segment to 512 KiB. */
  static final int MAX_SEGMENT = 512 * 1024;

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vici-watchdog");
        t.setDaemon(true);
        return t;
      });

  private final SocketChannel channel;
  private final Path socket;

  private Vici(SocketChannel channel, Path socket) {
    this.channel = channel;
    this.socket = socket;
  }

  static Vici connect(Path socket) {
    try {
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
      return new Vici(ch, socket);
    } catch (IOException e) {
      throw new LabException("cannot connect to vici socket " + socket + ": " + e.getMessage(), e);
    }
  }

  /** Sends a command and returns its response. */
  ViciMessage call(String command, ViciMessage args, Duration timeout) {
    return stream(command, args, null, null, timeout);
  }

  /**
   * Sends a command while registered for {@code event}; every event message goes to {@code
   * onEvent} until the response arrives.
   */
  synchronized ViciMessage stream(String command, ViciMessage args, String event,
      Consumer<ViciMessage> onEvent, Duration timeout) {
    ScheduledFuture<?> alarm = WATCHDOG.schedule(this::closeQuietly, timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      if (event != null) {
        register(EVENT_REGISTER, event);
      }
      send(CMD_REQUEST, command, args.encode());
      ViciMessage response = null;
      while (response == null) {
        ByteBuffer packet = receive();
        int type = packet.get() & 0xff;
        switch (type) {
          case CMD_RESPONSE -> response = message(packet);
          case CMD_UNKNOWN -> throw new LabException("charon does not know vici command "
              + command);
          case EVENT -> {
            String name = name(packet);
            ViciMessage m = message(packet);
            if (onEvent != null && name.equals(event)) {
              onEvent.accept(m);
            }
          }
          default -> throw new LabException("unexpected vici packet type " + type + " after "
              + command);
        }
      }
      if (event != null) {
        register(EVENT_UNREGISTER, event);
      }
      return response;
    } catch (IOException e) {
      String why = alarm.isDone() ? "timed out after " + timeout.toMillis() + " ms"
          : e.getMessage();
      throw new LabException("vici " + command + " on " + socket + ": " + why, e);
    } finally {
      alarm.cancel(false);
    }
  }

  private void register(int type, String event) throws IOException {
    send(type, event, new byte[0]);
    while (true) {
      ByteBuffer packet = receive();
      int answer = packet.get() & 0xff;
      if (answer == EVENT_CONFIRM) {
        return;
      }
      if (answer == EVENT_UNKNOWN) {
        throw new LabException("charon does not know vici event " + event);
      }
      if (answer != EVENT) { // events of an earlier registration may still arrive
        throw new LabException("unexpected vici packet type " + answer + " for event " + event);
      }
    }
  }

  private void send(int type, String name, byte[] message) throws IOException {
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(4 + 2 + n.length + message.length);
    b.putInt(2 + n.length + message.length).put((byte) type).put((byte) n.length).put(n)
        .put(message).flip();
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }

  private ByteBuffer receive() throws IOException {
    ByteBuffer len = readFully(4);
    int n = len.getInt();
    if (n < 1 || n > MAX_SEGMENT) {
      throw new IOException("vici segment length " + n + " out of range");
    }
    return readFully(n);
  }

  private ByteBuffer readFully(int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (channel.read(b) < 0) {
        throw new IOException("vici socket closed by charon");
      }
    }
    return b.flip();
  }

  private static String name(ByteBuffer packet) throws IOException {
    if (!packet.hasRemaining()) {
      throw new IOException("vici packet without a name");
    }
    int len = packet.get() & 0xff;
    if (packet.remaining() < len) {
      throw new IOException("vici packet name truncated");
    }
    byte[] b = new byte[len];
    packet.get(b);
    return new String(b, StandardCharsets.US_ASCII);
  }

  private static ViciMessage message(ByteBuffer packet) throws IOException {
    try {
      return ViciMessage.decode(packet.array(), packet.position(), packet.remaining());
    } catch (ViciFormatException e) {
      throw new IOException("malformed vici message: " + e.getMessage(), e);
    }
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing is best effort
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
