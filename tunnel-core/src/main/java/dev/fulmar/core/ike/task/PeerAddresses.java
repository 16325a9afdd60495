package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's additional addresses (RFC 4555 §3.4, §3.6): ADDITIONAL_IP4_ADDRESS (4 octets) and
 * ADDITIONAL_IP6_ADDRESS (16 octets) notifies, in the order sent; NO_ADDITIONAL_ADDRESSES means it
 * has none. Malformed ones are skipped.
 */
final class PeerAddresses {
  private PeerAddresses() {}

  static List<InetAddress> read(IkeMessage in) {
    List<InetAddress> out = new ArrayList<>();
    for (NotifyPayload n : in.payloads(NotifyPayload.class)) {
      boolean v4 = n.notifyType().equals(NotifyType.ADDITIONAL_IP4_ADDRESS);
      boolean v6 = n.notifyType().equals(NotifyType.ADDITIONAL_IP6_ADDRESS);
      if ((v4 && n.data().length == 4) || (v6 && n.data().length == 16)) {
        try {
          out.add(InetAddress.getByAddress(n.data()));
        } catch (UnknownHostException e) {
          // cannot happen for 4 or 16 octets
        }
      }
    }
    return out;
  }

  /** Whether {@code in} updates the gateway's address list (addresses, or "none"). */
  static boolean announces(IkeMessage in) {
    return in.notify(NotifyType.NO_ADDITIONAL_ADDRESSES).isPresent() || !read(in).isEmpty();
  }
}
