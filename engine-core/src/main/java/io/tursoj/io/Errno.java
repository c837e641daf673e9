package io.tursoj.io;

/**
 * Linux errno values used in {@link Completion} results. A failed completion carries {@code -errno}, exactly as
 * an io_uring CQE does, so every backend reports failures in one vocabulary.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EIO = 5;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EEXIST = 17;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int EMFILE = 24;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int EROFS = 30;
    public static final int ENOSYS = 38;
    public static final int EOPNOTSUPP = 95;
    public static final int ECANCELED = 125;

    private Errno() {}

    /** The symbolic name of {@code errno} (positive or negated), e.g. {@code EIO}; unknown values print as numbers. */
    public static String name(int errno) {
        int e = Math.abs(errno);
        return switch (e) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case EIO -> "EIO";
            case EBADF -> "EBADF";
            case EAGAIN -> "EAGAIN";
            case ENOMEM -> "ENOMEM";
            case EACCES -> "EACCES";
            case EFAULT -> "EFAULT";
            case EEXIST -> "EEXIST";
            case EISDIR -> "EISDIR";
            case EINVAL -> "EINVAL";
            case EMFILE -> "EMFILE";
            case EFBIG -> "EFBIG";
            case ENOSPC -> "ENOSPC";
            case EROFS -> "EROFS";
            case ENOSYS -> "ENOSYS";
            case EOPNOTSUPP -> "EOPNOTSUPP";
            case ECANCELED -> "ECANCELED";
            default -> "errno " + e;
        };
    }

    /** A human-readable description, like strerror(3) for the values above. */
    public static String describe(int errno) {
        int e = Math.abs(errno);
        String text = switch (e) {
            case EPERM -> "Operation not permitted";
            case ENOENT -> "No such file or directory";
            case EIO -> "Input/output error";
            case EBADF -> "Bad file descriptor";
            case EAGAIN -> "Resource temporarily unavailable";
            case ENOMEM -> "Cannot allocate memory";
            case EACCES -> "Permission denied";
            case EFAULT -> "Bad address";
            case EEXIST -> "File exists";
            case EISDIR -> "Is a directory";
            case EINVAL -> "Invalid argument";
            case EMFILE -> "Too many open files";
            case EFBIG -> "File too large";
            case ENOSPC -> "No space left on device";
            case EROFS -> "Read-only file system";
            case ENOSYS -> "Function not implemented";
            case EOPNOTSUPP -> "Operation not supported";
            case ECANCELED -> "Operation canceled";
            default -> "Unknown error";
        };
        return name(e) + " (" + text + ")";
    }
}
