# kgraph: one static binary, models and sample documents built in.
#
#   docker build -t kgraph --build-arg REVISION=$(git rev-parse --short HEAD) .
#   docker run -p 8080:8080 -v kgraph-data:/data kgraph
#   docker run -p 8080:8080 -e KGRAPH_TOKEN=s3cret kgraph    # enable mutations

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG REVISION=
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION} -X main.revision=${REVISION}" -o /out/kgraph ./cmd/kgraph \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/kgraph /kgraph
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
ENV KGRAPH_DATA=/data \
    KGRAPH_ADDR=0.0.0.0:8080 \
    KGRAPH_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/kgraph", "healthcheck"]
ENTRYPOINT ["/kgraph"]
CMD ["serve"]
