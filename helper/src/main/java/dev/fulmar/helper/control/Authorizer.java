package dev.fulmar.helper.control;

import dev.fulmar.control.message.DeleteSystemProfile;
import dev.fulmar.control.message.Policy;
import dev.fulmar.control.message.Request;
import dev.fulmar.control.message.Role;
import dev.fulmar.control.message.SaveSystemProfile;
import dev.fulmar.control.message.SetPolicy;
import dev.fulmar.core.spi.PeerIdentity;
import java.util.Optional;

/**
 * Who may do what, from the peer's OS identity: root and members of the policy's admin group are
 * administrators; members of the operator group (default {@code fulmar}) are operators; everyone
 * else is refused at connect. Administrators alone change system profiles and policy.
 */
final class Authorizer {
  private final String operatorGroup;

  Authorizer(String operatorGroup) {
    this.operatorGroup = operatorGroup;
  }

  String operatorGroup() {
    return operatorGroup;
  }

  /** The peer's role under {@code policy}, or empty when it may not use the helper at all. */
  Optional<Role> roleOf(PeerIdentity peer, Policy policy) {
    if (peer.isRoot() || (policy.adminGroup() != null && peer.isMemberOf(policy.adminGroup()))) {
      return Optional.of(Role.ADMIN);
    }
    return peer.isMemberOf(operatorGroup) ? Optional.of(Role.OPERATOR) : Optional.empty();
  }

  /** The role a request needs. */
  static Role required(Request r) {
    return r instanceof SetPolicy || r instanceof SaveSystemProfile
        || r instanceof DeleteSystemProfile ? Role.ADMIN : Role.OPERATOR;
  }

  /** Whether {@code role} may send {@code r}. */
  static boolean allows(Role role, Request r) {
    return role == Role.ADMIN || required(r) == Role.OPERATOR;
  }

  /** The account name for messages: the name, else the uid. */
  static String who(PeerIdentity peer) {
    return peer.userName().orElse("uid " + peer.uid()) + " (uid " + peer.uid() + ")";
  }

  /** The refusal at connect, saying how to get access. */
  String refusalAtConnect(PeerIdentity peer) {
    String user = peer.userName().orElse(Long.toString(peer.uid()));
    return "user " + who(peer) + " may not use the Fulmar helper: only root and members of "
        + "group '" + operatorGroup + "' may. Ask an administrator to run: sudo usermod -aG "
        + operatorGroup + " " + user;
  }

  /** The refusal of an administrator-only request. */
  static String refusalOfAdminRequest(String type, PeerIdentity peer, Policy policy) {
    return "'" + type + "' changes system settings: only root"
        + (policy.adminGroup() == null ? "" : " and members of group '" + policy.adminGroup() + "'")
        + " may do that; " + who(peer) + " is an operator";
  }
}
