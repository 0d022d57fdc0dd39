package io.zhenwu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhenwuApplication {
    public static void main(String[] args) {
        SpringApplication.run(ZhenwuApplication.class, args);
    }
}
