"""The production recipe's server for live tests: Uvicorn in a forked process, on the test
database, as `live_site` runs Daphne (the server of `make run`). CI's production pass
(PostgreSQL + Redis) sets MATCHCENTRE_TEST_SERVER=uvicorn, so the suite passes on both."""

import multiprocessing
import socket

SERVER_KINDS = ("daphne", "uvicorn")


class UvicornProcess(multiprocessing.get_context("fork").Process):
    """Serves `get_application()` on a free port; `ready` is set once it listens."""

    def __init__(self, host: str, get_application, setup=None) -> None:
        super().__init__(daemon=True)
        self.host, self.get_application, self.setup = host, get_application, setup
        self.port = multiprocessing.Value("i", 0)
        self.ready = multiprocessing.Event()

    def run(self) -> None:
        import asyncio

        import uvicorn

        if self.setup is not None:
            self.setup()
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, 0))
        self.port.value = listener.getsockname()[1]
        config = uvicorn.Config(
            self.get_application(),
            lifespan="off",
            ws="websockets-sansio",
            ws_per_message_deflate=False,
            proxy_headers=False,  # as the production recipe: the site reads X-Forwarded-For itself
            log_level="warning",
        )
        server = uvicorn.Server(config)

        async def serve() -> None:
            task = asyncio.create_task(server.serve(sockets=[listener]))
            while not server.started and not task.done():
                await asyncio.sleep(0.02)
            self.ready.set()
            await task

        asyncio.run(serve())
