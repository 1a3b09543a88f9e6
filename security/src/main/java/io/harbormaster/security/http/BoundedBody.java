package io.harbormaster.security.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keeps request bodies under the limit. A declared {@code Content-Length} over it is refused unread; a chunked body,
 * whose size is known only by reading it, is read up to one byte past the limit and then replayed. Either way no
 * request can make the platform hold more than the limit in memory.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The request to pass on, or empty when its body is over {@code maxBytes}. */
    static Optional<HttpServletRequest> of(HttpServletRequest request, long maxBytes) throws IOException {
        var declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            return Optional.empty();
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            return Optional.of(request);
        }
        var bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return bytes.length > maxBytes ? Optional.empty() : Optional.of(new Replayed(request, bytes));
    }

    /** A request whose body was read already and is served again from memory. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            var encoding = getCharacterEncoding();
            var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
