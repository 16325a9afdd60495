package dev.fulmar.core.ike.session;

import dev.fulmar.core.ike.SessionLog;
import dev.fulmar.core.ike.message.EncryptedFragmentPayload;
import dev.fulmar.core.ike.message.FragmentReassembler;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.IkeProtocolException;
import dev.fulmar.core.ike.message.IntegrityCheckFailedException;
import dev.fulmar.core.ike.sa.IkeSa;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes what the gateway sends: the clear IKE_SA_INIT response, protected messages, and SKF
 * fragments reassembled per message ID and direction (RFC 7383 §2.6). Anything that does not parse
 * before decryption, or does not verify, is dropped without an answer (RFC 7296 §2.21.2): it may
 * be forged. A message that verifies but is malformed inside is the gateway's fault and is
 * reported as {@link MalformedException}.
 */
final class MessageReader {
  /** An authentic message that is malformed: the session cannot go on. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(IkeProtocolException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final SessionLog log;
  private final Map<String, FragmentReassembler> reassembly = new HashMap<>();
  private int fragmentedReceived;

  MessageReader(SessionLog log) {
    this.log = log;
  }

  /** The clear IKE_SA_INIT response, or empty if malformed. */
  Optional<IkeMessage> clear(byte[] datagram) {
    try {
      return Optional.of(IkeMessage.decode(datagram));
    } catch (IkeProtocolException e) {
      log.info("dropping a malformed message: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** A protected message, or empty while fragments are missing or if it is not authentic. */
  Optional<IkeMessage> protectedMessage(IkeHeader h, byte[] datagram, IkeSa sa)
      throws MalformedException {
    IkeMessage wire = clear(datagram).orElse(null);
    if (wire == null || sa.keys() == null) {
      return Optional.empty();
    }
    try {
      if (wire.first(EncryptedFragmentPayload.class).isPresent()) {
        return fragment(h, datagram, sa);
      }
      return Optional.of(IkeMessage.decodeProtected(datagram, sa.keys().inbound()));
    } catch (IntegrityCheckFailedException e) {
      log.info("dropping a {} message #{} whose integrity check failed", h.exchangeType(),
          h.messageId());
      return Optional.empty();
    } catch (IkeProtocolException e) {
      throw new MalformedException(e);
    }
  }

  private Optional<IkeMessage> fragment(IkeHeader h, byte[] datagram, IkeSa sa)
      throws IkeProtocolException, IntegrityCheckFailedException {
    String key = Long.toHexString(h.initiatorSpi()) + (h.response() ? "r" : "q")
        + h.messageId();
    FragmentReassembler r =
        reassembly.computeIfAbsent(key, k -> new FragmentReassembler(sa.keys().inbound()));
    Optional<IkeMessage> done = r.add(datagram);
    if (done.isPresent()) {
      fragmentedReceived++;
      reassembly.remove(key);
      log.debug("reassembled {} #{} from {} fragments", h.exchangeType(), h.messageId(),
          r.totalFragments());
    }
    return done;
  }

  /** Forgets partial messages (after the keys changed or the exchange ended). */
  void reset() {
    reassembly.clear();
  }

  int fragmentedMessagesReceived() {
    return fragmentedReceived;
  }
}
