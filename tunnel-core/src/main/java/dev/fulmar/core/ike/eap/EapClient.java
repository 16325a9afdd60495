package dev.fulmar.core.ike.eap;

import dev.fulmar.core.ike.eap.EapAuthenticationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client (peer) side of an EAP conversation inside IKE_AUTH (RFC 3748 §2, RFC 7296 §2.16).
 *
 * <p>Feed it each EAP payload the gateway sends; it answers Identity with the configured
 * identity, Notification with an empty Notification, a Request of our method through the
 * {@link EapMethod}, and a Request of any other method with a Nak naming our method. EAP-Success
 * is accepted only once the method has completed (for MSCHAPv2: after the gateway proved it knows
 * the password); EAP-Failure ends the conversation with the most precise reason known. A repeated
 * Request is answered with the same Response (RFC 3748 §4.1).
 */
public final class EapClient {

  /** What to do next. */
  public sealed interface Step permits Respond, Succeeded {}

  /** Send this EAP message to the gateway. */
  public record Respond(byte[] message) implements Step {}

  /** EAP succeeded; {@code msk} is empty for methods that make none (use SK_p then). */
  public record Succeeded(Optional<byte[]> msk) implements Step {}

  private final byte[] identity;
  private final EapMethod method;
  private final List<String> notifications = new ArrayList<>();
  private byte[] lastRequest;
  private byte[] lastResponse;
  private boolean done;
  private boolean methodStarted;
  private final List<EapType> refused = new ArrayList<>();

  /**
   * A client that answers Identity with {@code identity} (UTF-8, e.g. the user name) and
   * authenticates with {@code method}.
   */
  public EapClient(String identity, EapMethod method) {
    this.identity = identity.getBytes(StandardCharsets.UTF_8);
    this.method = method;
  }

  /**
   * Processes one EAP message from the gateway.
   *
   * @throws EapFormatException if the message is malformed or not what the gateway may send
   * @throws EapAuthenticationException if authentication failed (EAP-Failure or a method error)
   */
  public Step process(byte[] message) throws EapException {
    if (done) {
      throw new EapFormatException("EAP message after the conversation ended");
    }
    EapPacket p = EapPacket.decode(message);
    switch (p.code()) {
      case EapPacket.SUCCESS:
        return success();
      case EapPacket.FAILURE:
        done = true;
        throw failure();
      case EapPacket.REQUEST:
        return new Respond(answer(message, p));
      default:
        throw new EapFormatException("the gateway sent an EAP " + EapPacket.codeName(p.code())
            + "; only Requests, Success and Failure are valid");
    }
  }

  /** Wipes the method's secrets; the conversation cannot go on afterwards. */
  public void destroy() {
    done = true;
    method.destroy();
  }

  /** The displayable texts of Notification requests received so far. */
  public List<String> notifications() {
    return List.copyOf(notifications);
  }

  private EapAuthenticationException failure() {
    if (method.failure().isPresent()) {
      return method.failure().get();
    }
    if (!methodStarted && !refused.isEmpty()) {
      return new EapAuthenticationException(Reason.METHOD_NOT_AGREED, "the gateway offers only"
          + " EAP " + refused + ", but the profile uses EAP " + method.type()
          + ": configure the same EAP method on both sides", null);
    }
    return new EapAuthenticationException(Reason.REJECTED,
        "the gateway rejected the authentication (EAP-Failure)", null);
  }

  private Step success() throws EapAuthenticationException {
    done = true;
    if (!method.isComplete()) {
      throw new EapAuthenticationException(Reason.PREMATURE_SUCCESS, "the gateway sent"
          + " EAP-Success before " + method.type() + " authentication had finished", null);
    }
    return new Succeeded(method.msk());
  }

  private byte[] answer(byte[] raw, EapPacket p) throws EapException {
    byte[] request = Arrays.copyOf(raw, 4 + 1 + p.typeData().length);
    if (lastRequest != null && Arrays.equals(request, lastRequest)) {
      return lastResponse.clone();
    }
    EapPacket response;
    if (p.type().equals(EapType.IDENTITY)) {
      response = EapPacket.response(p.identifier(), EapType.IDENTITY, identity);
    } else if (p.type().equals(EapType.NOTIFICATION)) {
      notifications.add(printable(p.typeData()));
      response = EapPacket.response(p.identifier(), EapType.NOTIFICATION, new byte[0]);
    } else if (p.type().equals(method.type())) {
      methodStarted = true;
      response = EapPacket.response(p.identifier(), method.type(),
          method.process(p.identifier(), p.typeData()));
    } else if (p.type().equals(EapType.NAK)) {
      throw new EapFormatException("the gateway sent a Nak request; Nak is a response only");
    } else if (p.type().equals(EapType.EXPANDED)) {
      refused.add(p.type());
      response = EapPacket.response(p.identifier(), EapType.EXPANDED, expandedNak());
    } else {
      refused.add(p.type());
      response = EapPacket.response(p.identifier(), EapType.NAK,
          new byte[] {(byte) method.type().value()});
    }
    lastRequest = request;
    lastResponse = response.encode();
    return lastResponse.clone();
  }

  /** Expanded Nak (RFC 3748 §5.3.2): our method as an expanded type with vendor 0. */
  private byte[] expandedNak() {
    return new byte[] {0, 0, 0, 0, 0, 0, 3, (byte) 254, 0, 0, 0, 0, 0, 0,
        (byte) method.type().value()};
  }

  private static String printable(byte[] text) {
    String s = new String(text, StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(500)
        .forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
