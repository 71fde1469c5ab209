import QtQuick
import QtTest
import CloudDeck

// The create wizard over the Demo cloud: each step says what it still needs and Next waits for
// it; Create puts the new machine in the list at once, pending, and it then boots.
TestCase {
    id: testCase
    name: "CreateWizard"
    when: windowShown
    visible: true // TestCase hides itself by default; the components under test must be shown
    width: 700
    height: 760

    Component {
        id: wizardComponent
        WizardView { width: 700; height: 760 }
    }
    SignalSpy { id: createdSpy; signalName: "created" }

    function find(item, objectName) {
        if (item.objectName === objectName)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = find(item.children[i], objectName)
            if (found)
                return found
        }
        return null
    }

    function initTestCase() {
        if (!AppController.hasAccounts)
            AppController.addDemoAccount()
        tryVerify(() => AppController.machineCount >= 12, 10000, "the demo fleet arrives")
    }

    function demoAccount() {
        return AppController.machines.get(0).accountId
    }

    function test_stepsValidateAndCreate() {
        const view = createTemporaryObject(wizardComponent, testCase, { preselectedAccount: demoAccount() })
        const wizard = view.wizard
        const next = find(view, "wizardNext")
        const problem = find(view, "wizardProblem")
        createdSpy.target = wizard
        createdSpy.clear()

        // 0: account, preselected.
        compare(wizard.step, 0)
        tryVerify(() => !wizard.loading, 5000, "the catalog arrives")
        verify(wizard.canAdvance)
        mouseClick(next)
        compare(wizard.step, 1)

        // 1: region.
        compare(wizard.problem, "Choose a region.")
        verify(!next.enabled)
        verify(!wizard.next(), "Next refuses")
        compare(wizard.step, 1)
        wizard.region = "blr1"
        verify(wizard.problem.indexOf("not accepting new machines") > 0, wizard.problem)
        verify(!next.enabled)
        wizard.region = "fra1"
        compare(wizard.problem, "")
        compare(problem.text, "")
        verify(next.enabled)
        mouseClick(next)

        // 2: size, with prices; only sizes of the region are offered.
        compare(wizard.step, 2)
        compare(wizard.problem, "Choose a size.")
        verify(wizard.sizes.length > 0)
        verify(wizard.sizes.every(s => s.priceText.indexOf("$") === 0))
        verify(!wizard.sizes.some(s => s.id === "gpu-l4-1x"), "no GPUs in fra1")
        wizard.size = "gpu-l4-1x"
        verify(wizard.problem.indexOf("not offered") > 0, wizard.problem)
        wizard.size = "std-2vcpu-4gb"
        verify(wizard.next())

        // 3: image.
        compare(wizard.problem, "Choose an image.")
        wizard.image = "debian-12"
        verify(wizard.next())

        // 4: keys are optional.
        compare(wizard.problem, "")
        wizard.toggleKey("k-laptop")
        compare(wizard.keys, ["k-laptop"])
        verify(wizard.next())

        // 5: name and tags.
        compare(wizard.problem, "Give the machine a name.")
        wizard.name = "bad name!"
        verify(wizard.problem.indexOf("letters, digits") >= 0, wizard.problem)
        wizard.name = "web-frontend-1"
        verify(wizard.problem.indexOf("already has a machine called") >= 0, wizard.problem)
        wizard.name = "web-frontend-3"
        wizard.tags = "production, not/ok"
        verify(wizard.problem.indexOf("not/ok") >= 0, wizard.problem)
        wizard.tags = "production web"
        compare(wizard.problem, "")
        // Cloud-init is optional: typed into the field, or loaded from a text file.
        const userData = find(view, "wizardUserData")
        verify(userData)
        userData.forceActiveFocus()
        keyClick(Qt.Key_A)
        compare(wizard.userData, "a", "typing goes to the request")
        verify(!wizard.loadUserData(Qt.resolvedUrl("no-such-file.yaml")))
        verify(wizard.userDataError.indexOf("Could not read") === 0, wizard.userDataError)
        // A picture is refused (too large or not text) and what was typed is kept.
        verify(!wizard.loadUserData(Qt.resolvedUrl("../../docs/screenshots/add-account-openstack-1280x800-light.png")))
        verify(wizard.userDataError.length > 0)
        compare(wizard.userData, "a", "a refused file loses nothing")
        verify(wizard.loadUserData(Qt.resolvedUrl("tst_wizard.qml")))
        compare(wizard.userDataError, "")
        verify(wizard.userData.indexOf("Cloud-init is optional") > 0, "the file's text")
        compare(userData.text, wizard.userData, "the field shows what was loaded")
        wizard.userData = "#cloud-config\npackages:\n  - nginx\n"
        compare(wizard.problem, "")
        verify(wizard.next())

        // 6: review, then create.
        compare(wizard.step, 6)
        compare(wizard.review.name, "web-frontend-3")
        compare(wizard.review.region, "Frankfurt 1")
        compare(wizard.review.price, "$24.00/mo")
        compare(wizard.review.tags, ["production", "web"])
        const cloudInit = wizard.reviewRows.find(r => r.label === "Cloud-init")
        verify(cloudInit, "the review names the user data")
        compare(cloudInit.value, "3 lines")
        verify(!find(view, "wizardNext").visible)
        const create = find(view, "wizardCreate")
        verify(create.visible && create.enabled)
        mouseClick(create)
        tryCompare(createdSpy, "count", 1)
        const machine = AppController.machine(createdSpy.signalArguments[0][0], createdSpy.signalArguments[0][1])
        compare(machine.name, "web-frontend-3")
        verify(machine.stateId === "pending" || machine.stateId === "running", machine.stateId)
        compare(AppController.current.machineId, createdSpy.signalArguments[0][1], "the new machine is selected")
    }

    function test_backKeepsChoices() {
        const view = createTemporaryObject(wizardComponent, testCase, { preselectedAccount: demoAccount() })
        const wizard = view.wizard
        tryVerify(() => !wizard.loading, 5000)
        verify(wizard.next())
        wizard.region = "ams3"
        verify(wizard.next())
        wizard.back()
        compare(wizard.step, 1)
        compare(wizard.region, "ams3")
        wizard.back()
        wizard.back()
        compare(wizard.step, 0, "no step before the first")
    }
}
