package dev.fulmar.control.message;

/** What a connected peer may do; see the authorization table in docs/control-protocol.md. */
public enum Role {
  /** A member of group {@code fulmar}: connect, disconnect, status, logs, diagnose, bundle. */
  OPERATOR,
  /** Root or a member of the policy's admin group: also system profiles and policy. */
  ADMIN
}
