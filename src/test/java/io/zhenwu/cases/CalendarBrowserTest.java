package io.zhenwu.cases;

import io.zhenwu.demo.DemoData;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.BrowserTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's calendar page in real Chromium: a year's arrangement, and a refused entry with its inline error. */
@ZhenwuTest
class CalendarBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anAdministratorReadsAYearAndIsToldWhyAnEntryIsRefused() {
        driver = BrowserTestSupport.startChromium("calendar");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));

        driver.findElement(By.cssSelector("a[href='/admin/calendar']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-days")));
        driver.get(url("/admin/calendar?year=2024"));
        assertThat(driver.findElement(By.id("calendar-working-days")).getText()).isEqualTo("251");
        assertThat(driver.findElement(By.id("day-2024-02-18")).getText()).contains("调休上班").contains("春节").contains("周日");
        BrowserTestSupport.screenshot(driver, "calendar-01-year-2024.png");

        // An adjusted working day on a Wednesday is refused next to the field, the entry kept.
        // a date input's typing order depends on the locale; set it as the date picker would
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2024-10-09'", driver.findElement(By.id("date")));
        new Select(driver.findElement(By.id("kind"))).selectByValue("WORK");
        driver.findElement(By.id("name")).sendKeys("国庆节");
        driver.findElement(By.cssSelector("#calendar-day-form button[type=submit]")).click();
        var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#calendar-day-form .field-error")));
        assertThat(error.getText()).contains("调休上班日只能是周六或周日");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("国庆节");
        BrowserTestSupport.screenshot(driver, "calendar-02-refused.png");
    }
}
