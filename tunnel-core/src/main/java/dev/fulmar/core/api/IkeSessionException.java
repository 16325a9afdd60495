package dev.fulmar.core.api;

/**
 * A session failure as an exception: thrown by {@link IkeSessionParams.Builder#build()} for invalid
 * parameters and used to complete the futures of {@link IkeSession} exceptionally.
 */
public final class IkeSessionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient IkeFailure failure;

  public IkeSessionException(IkeFailure failure) {
    super(failure.toString());
    this.failure = failure;
  }

  public IkeSessionException(IkeFailure failure, Throwable cause) {
    super(failure.toString(), cause);
    this.failure = failure;
  }

  /** The step, code and facts of the failure. */
  public IkeFailure failure() {
    return failure;
  }
}
