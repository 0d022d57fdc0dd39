package io.zhenwu;

import io.zhenwu.cli.ZhenwuCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhenwuApplication {
    public static void main(String[] args) {
        // bin/zhenwu sets -Dzhenwu.cli=true: the same jar then runs one command without a web server.
        if (ZhenwuCli.requested()) {
            System.exit(ZhenwuCli.run(ZhenwuApplication.class, args));
        }
        SpringApplication.run(ZhenwuApplication.class, args);
    }
}
