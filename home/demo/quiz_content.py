"""Demo assessment content: a final assessment (최종평가) for every demo course and the flight practical
assessment rubric (실기평가 평가기준표) for the piloting course. Pure data.
"""

#: The rules every demo quiz is created with. Safe on a site anyone may try: a limited number of
#: attempts, questions and choices shuffled per attempt, and the answer key shown only once a
#: trainee can start no further attempt (``assessments.selectors.answers_visible``).
QUIZ_SETTINGS = {
    "max_attempts": 3,
    "review_policy": "after_submit",
    "shuffle_questions": True,
    "shuffle_choices": True,
}

QUIZZES = {
    "drone-piloting-basics": {
        "title": "소형 군용드론 조종 기초 최종평가",
        "title_en": "Small Military Drone Piloting Basics: final assessment",
        "pass_mark": 60,
        "time_limit_minutes": 25,
        "questions": [
            {
                "type": "single",
                "text": "며칠 이상 사용하지 않을 LiPo 배터리를 보관할 때 권장되는 셀당 전압은?",
                "points": 1,
                "choices": [
                    {
                        "text": "3.50 V",
                        "correct": False,
                    },
                    {
                        "text": "3.00 V",
                        "correct": False,
                    },
                    {
                        "text": "3.80~3.85 V",
                        "correct": True,
                    },
                    {
                        "text": "4.20 V",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "장기 보관은 스토리지 모드로 셀당 3.80~3.85 V에 맞춥니다. 만충(4.20 V) 보관은 열화와 부풀음을 "
                    "앞당기고, 3.0 V는 과방전 한계입니다."
                ),
            },
            {
                "type": "single",
                "text": "Mode 2 조종기에서 왼쪽 스틱이 담당하는 조작은?",
                "points": 1,
                "choices": [
                    {
                        "text": "피치와 롤",
                        "correct": False,
                    },
                    {
                        "text": "피치와 요",
                        "correct": False,
                    },
                    {
                        "text": "스로틀과 롤",
                        "correct": False,
                    },
                    {
                        "text": "스로틀과 요",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "Mode 2는 왼쪽 스틱이 스로틀(상하)과 요(좌우), 오른쪽 스틱이 피치(상하)와 롤(좌우)입니다."
                ),
            },
            {
                "type": "single",
                "text": "쿼드콥터가 제자리에서 기수 방향(요)을 바꾸는 원리로 옳은 것은?",
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "시계 방향 모터 쌍과 반시계 방향 모터 쌍의 회전수를 달리해 반작용 토크의 균형을 깨뜨린다"
                        ),
                        "correct": True,
                    },
                    {
                        "text": "앞쪽과 뒤쪽 모터의 추력 차이로 기체를 기울인다",
                        "correct": False,
                    },
                    {
                        "text": "프로펠러의 피치 각을 바꾼다",
                        "correct": False,
                    },
                    {
                        "text": "모든 모터의 회전수를 함께 높인다",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "멀티콥터는 고정 피치 프로펠러를 쓰므로, 회전 방향이 다른 두 모터 쌍의 회전수 차이로 생기는 "
                    "반작용 토크 차이를 이용해 요 회전을 합니다."
                ),
            },
            {
                "type": "single",
                "text": "소형 멀티콥터 설계에서 흔히 목표로 하는 추력 대 중량비는?",
                "points": 1,
                "choices": [
                    {
                        "text": "약 1:1",
                        "correct": False,
                    },
                    {
                        "text": "약 1.2:1",
                        "correct": False,
                    },
                    {
                        "text": "약 10:1",
                        "correct": False,
                    },
                    {
                        "text": "약 2:1",
                        "correct": True,
                    },
                ],
                "feedback": ("최대 추력이 이륙중량의 약 2배가 되어야 돌풍 대응과 자세 제어에 필요한 여유가 생깁니다."),
            },
            {
                "type": "multiple",
                "text": "비행 전 점검에서 이륙하지 말아야 할 상황을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "조종기 트림이 모두 0이다",
                        "correct": False,
                    },
                    {
                        "text": "프로펠러 앞전에 작은 찍힘이 있다",
                        "correct": True,
                    },
                    {
                        "text": "GNSS 3D Fix 상태에서 위성 12개, HDOP 0.9이다",
                        "correct": False,
                    },
                    {
                        "text": "충전 후 배터리 셀 간 전압 편차가 0.15 V이다",
                        "correct": True,
                    },
                    {
                        "text": "지상관제 화면에 컴퍼스 불일치 경고가 남아 있다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "앞전 손상 프로펠러는 교체 대상이고, 셀 편차 0.1 V 이상 배터리는 사용을 중지하며, 경고 "
                    "메시지가 있으면 원인을 해결하기 전에 이륙하지 않습니다. 트림 0과 양호한 GNSS 수신은 정상 "
                    "상태입니다."
                ),
            },
            {
                "type": "multiple",
                "text": (
                    "위치 모드 비행 중 기체가 조종 입력과 무관하게 흘러가는 플라이어웨이 상황에서 올바른 대응을 "
                    "모두 고르세요."
                ),
                "points": 2,
                "choices": [
                    {
                        "text": "원인이 GNSS 오류라도 귀환(RTL) 모드가 해결해 주므로 기다린다",
                        "correct": False,
                    },
                    {
                        "text": "고도유지 모드나 자세 모드로 전환해 수동으로 기체를 되돌린다",
                        "correct": True,
                    },
                    {
                        "text": "조종기 전원을 꺼서 기체를 멈춘다",
                        "correct": False,
                    },
                    {
                        "text": "끝내 제어할 수 없으면 사람이 없는 곳 상공에서 비상정지를 최후 수단으로 쓴다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "GNSS·컴퍼스 의존을 끊는 모드 전환이 먼저입니다. GNSS 문제라면 귀환 모드도 같은 오류를 따르고, "
                    "조종기를 끄면 링크 손실 페일세이프가 작동할 뿐 문제를 해결하지 못합니다."
                ),
            },
            {
                "type": "true_false",
                "text": "전원을 켤 때는 기체 배터리를 먼저 연결하고 조종기를 나중에 켠다.",
                "points": 1,
                "answer": False,
                "feedback": (
                    "조종기를 먼저 켜고 기체 배터리를 나중에 연결합니다. 종료할 때는 기체 전원을 먼저 분리합니다."
                ),
            },
            {
                "type": "true_false",
                "text": "ArduPilot의 RTL_ALT 기본값 1500은 cm 단위이므로 귀환 고도 15 m를 뜻한다.",
                "points": 1,
                "answer": True,
                "feedback": (
                    "ArduPilot RTL_ALT는 cm 단위로 기본 1500(15 m)이고, PX4 RTL_RETURN_ALT는 m 단위로 기본 60 m입니다."
                ),
            },
            {
                "type": "short",
                "text": "이륙 지점으로 자동 복귀해 착륙하는 비행 모드를 ArduPilot에서 부르는 약어는?",
                "points": 1,
                "answers": [
                    "RTL",
                    "Return to Launch",
                    "Return To Launch",
                ],
                "feedback": "ArduPilot은 RTL(Return to Launch), PX4는 Return 모드라고 부릅니다.",
            },
            {
                "type": "short",
                "text": (
                    "위치 모드에서 기체가 점점 커지는 원을 그리며 도는, 컴퍼스 간섭이나 교정 불량의 전형적 증상을 "
                    "무엇이라 하나요?"
                ),
                "points": 1,
                "answers": [
                    "토일렛 볼",
                    "토일렛볼",
                    "toilet bowl",
                    "toilet bowling",
                ],
                "feedback": "토일렛 볼(toilet bowl) 현상입니다. 즉시 고도유지 모드로 전환해 수동으로 착륙합니다.",
            },
            {
                "type": "numeric",
                "text": "6S(공칭 22.2 V), 5000 mAh LiPo 배터리의 에너지는 몇 Wh인가요?",
                "points": 1,
                "value": 111,
                "tolerance": 1,
                "feedback": (
                    "에너지(Wh) = 전압 × 용량(Ah) = 22.2 V × 5 Ah = 111 Wh입니다. 100 Wh를 넘으므로 항공 운송 시 "
                    "항공사 승인이 필요합니다."
                ),
            },
            {
                "type": "numeric",
                "text": "5000 mAh, 20C 배터리가 이론상 연속으로 방전할 수 있는 최대 전류는 몇 A인가요?",
                "points": 1,
                "value": 100,
                "tolerance": 0.5,
                "feedback": "연속 방전 전류 = 용량(Ah) × C 레이트 = 5 A × 20 = 100 A입니다.",
            },
        ],
    },
    "drone-maintenance-practice": {
        "title": "군용드론 정비 실무 최종평가",
        "title_en": "Military Drone Maintenance Practice: final assessment",
        "pass_mark": 60,
        "time_limit_minutes": 25,
        "questions": [
            {
                "type": "single",
                "text": "고장 탐구, 구성품 수리, 교정, 정기점검을 주로 담당하는 정비 단계는?",
                "points": 1,
                "choices": [
                    {
                        "text": "야전정비",
                        "correct": True,
                    },
                    {
                        "text": "부대정비",
                        "correct": False,
                    },
                    {
                        "text": "창정비",
                        "correct": False,
                    },
                    {
                        "text": "사용자 정비",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "부대정비는 운용부대의 일상 점검과 교환, 야전정비는 고장 탐구와 구성품 수리·교정, 창정비는 "
                    "완전 분해와 재생을 담당합니다."
                ),
            },
            {
                "type": "single",
                "text": "프로펠러 앞전(리딩에지)에 아주 작은 찍힘을 발견했을 때 올바른 조치는?",
                "points": 1,
                "choices": [
                    {
                        "text": "크기와 관계없이 교체한다",
                        "correct": True,
                    },
                    {
                        "text": "사포로 다듬어 계속 사용한다",
                        "correct": False,
                    },
                    {
                        "text": "순간접착제로 메운 뒤 밸런싱한다",
                        "correct": False,
                    },
                    {
                        "text": "다음 정기점검 때까지 사용한다",
                        "correct": False,
                    },
                ],
                "feedback": ("앞전 찍힘·깨짐은 크기와 관계없이 사용 불가이며, 손상 프로펠러의 수리 사용은 금지됩니다."),
            },
            {
                "type": "single",
                "text": "ArduPilot 문서 기준으로 위치·고도 유지에 거의 항상 문제가 생기는 진동 수준은?",
                "points": 1,
                "choices": [
                    {
                        "text": "10 m/s² 초과",
                        "correct": False,
                    },
                    {
                        "text": "20 m/s² 초과",
                        "correct": False,
                    },
                    {
                        "text": "30 m/s² 이하",
                        "correct": False,
                    },
                    {
                        "text": "60 m/s² 초과",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "30 m/s² 이하는 대체로 양호, 30 초과는 문제 가능, 60 초과는 거의 항상 위치·고도 유지에 문제가 "
                    "생깁니다."
                ),
            },
            {
                "type": "single",
                "text": "ArduPilot 로그에서 각 모터 출력 값을 비교할 때 보는 메시지는?",
                "points": 1,
                "choices": [
                    {
                        "text": "RCOU",
                        "correct": True,
                    },
                    {
                        "text": "VIBE",
                        "correct": False,
                    },
                    {
                        "text": "GPS",
                        "correct": False,
                    },
                    {
                        "text": "ATT",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "RCOU는 출력 채널(모터) 값을 기록합니다. VIBE는 진동, GPS는 위성 수신, ATT는 자세 추종입니다."
                ),
            },
            {
                "type": "single",
                "text": "제조사 연속 정격이 60 A로, 중형 기체 배터리에 흔히 쓰는 커넥터는?",
                "points": 1,
                "choices": [
                    {
                        "text": "XT60",
                        "correct": True,
                    },
                    {
                        "text": "XT30",
                        "correct": False,
                    },
                    {
                        "text": "JST-GH",
                        "correct": False,
                    },
                    {
                        "text": "AS150",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "XT30은 30 A, XT60은 60 A, AS150은 150 A 안티스파크 커넥터이고, JST-GH는 신호선용 잠금 "
                    "커넥터입니다."
                ),
            },
            {
                "type": "multiple",
                "text": "납땜 접합 불량에 해당하는 것을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "오목한 필렛을 이루고 모든 가닥이 납에 덮인 접합",
                        "correct": False,
                    },
                    {
                        "text": "회색빛이 돌고 거칠며 공처럼 뭉친 접합(냉납)",
                        "correct": True,
                    },
                    {
                        "text": "접합부를 열수축 튜브로 절연한 상태",
                        "correct": False,
                    },
                    {
                        "text": "인접한 패드가 납으로 이어진 상태(브리지)",
                        "correct": True,
                    },
                    {
                        "text": "납이 전선 속으로 스며 굳어 딱딱해진 상태(위킹)",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "좋은 접합은 매끄럽고 오목한 필렛을 이룹니다. 냉납, 브리지, 과열, 삐져나온 가닥, 위킹이 대표적 "
                    "불량입니다."
                ),
            },
            {
                "type": "multiple",
                "text": "컴퍼스 교정에 대한 설명으로 옳은 것을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "금속 작업대 위 실내에서 교정해야 가장 정확하다",
                        "correct": False,
                    },
                    {
                        "text": "철근 콘크리트 바닥, 차량, 금속 구조물에서 떨어진 야외에서 교정한다",
                        "correct": True,
                    },
                    {
                        "text": "모터 전류가 만드는 간섭은 정지 상태 교정으로 완전히 보정된다",
                        "correct": False,
                    },
                    {
                        "text": "GNSS·컴퍼스 모듈 위치나 부품 배치를 바꾸면 다시 교정한다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "교정은 하드·소프트아이언 오차를 추정하므로 간섭원이 없는 곳에서 해야 합니다. 스로틀에 따라 "
                    "변하는 전류 간섭은 ArduPilot compassmot 같은 별도 기능으로 다룹니다."
                ),
            },
            {
                "type": "true_false",
                "text": "DShot 방식 ESC는 아날로그 PWM ESC처럼 스로틀 범위 교정이 반드시 필요하다.",
                "points": 1,
                "answer": False,
                "feedback": (
                    "DShot은 디지털 값으로 명령을 전달하므로 스로틀 범위 교정이 필요 없고, 텔레메트리도 받을 수 "
                    "있습니다."
                ),
            },
            {
                "type": "true_false",
                "text": "정비 기록에서 작업자와 검사자는 서로 다른 사람이어야 한다.",
                "points": 1,
                "answer": True,
                "feedback": "작업자와 검사자를 분리하는 이중 확인이 정비 품질의 기본입니다.",
            },
            {
                "type": "short",
                "text": "무부하 상태에서 모터에 1 V를 걸었을 때의 분당 회전수를 나타내는 모터 사양 기호는?",
                "points": 1,
                "answers": [
                    "KV",
                    "Kv",
                    "kv",
                ],
                "feedback": "KV 값입니다. 400 KV 모터에 22.2 V를 걸면 무부하 약 8,880 rpm입니다.",
            },
            {
                "type": "short",
                "text": "IPC-A-610에서 신뢰성이 중요한 군용·항공 제품에 적용하는 가장 엄격한 등급은?",
                "points": 1,
                "answers": [
                    "Class 3",
                    "클래스 3",
                    "Class3",
                    "3등급",
                ],
                "feedback": "IPC-A-610과 IPC J-STD-001은 고신뢰성 제품에 Class 3를 적용합니다.",
            },
            {
                "type": "numeric",
                "text": "400 KV 모터에 6S 배터리(공칭 22.2 V)를 연결했을 때 무부하 회전수는 약 몇 rpm인가요?",
                "points": 1,
                "value": 8880,
                "tolerance": 20,
                "feedback": "무부하 회전수 = KV × 전압 = 400 × 22.2 = 8,880 rpm입니다.",
            },
        ],
    },
    "counter-drone-intro": {
        "title": "대드론 체계 개론 최종평가",
        "title_en": "Introduction to Counter-Drone Systems: final assessment",
        "pass_mark": 60,
        "time_limit_minutes": 20,
        "questions": [
            {
                "type": "single",
                "text": "탐지가 어려운 소형 드론 표적을 가리키는 LSS의 뜻은?",
                "points": 1,
                "choices": [
                    {
                        "text": "Low, Stealth, Swarm",
                        "correct": False,
                    },
                    {
                        "text": "Low, Slow, Small",
                        "correct": True,
                    },
                    {
                        "text": "Long, Silent, Stealth",
                        "correct": False,
                    },
                    {
                        "text": "Light, Swarm, Secure",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "저고도(Low)·저속(Slow)·소형(Small) 표적이라는 뜻으로, 기존 방공 레이더가 새나 클러터와 "
                    "구별하기 어렵습니다."
                ),
            },
            {
                "type": "single",
                "text": "레이더에서 드론과 새를 구별하는 데 쓰이는 마이크로 도플러는 주로 무엇 때문에 생기나요?",
                "points": 1,
                "choices": [
                    {
                        "text": "GNSS 수신기의 신호",
                        "correct": False,
                    },
                    {
                        "text": "드론 조종기의 주파수 도약",
                        "correct": False,
                    },
                    {
                        "text": "배터리의 열 복사",
                        "correct": False,
                    },
                    {
                        "text": "빠르게 회전하는 프로펠러 블레이드",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "프로펠러 블레이드의 회전이 몸체 도플러 주위에 주기적인 변조를 만들며, 새의 날갯짓과 패턴이 "
                    "다릅니다."
                ),
            },
            {
                "type": "single",
                "text": (
                    "미리 입력한 GNSS 웨이포인트로 비행하면서 무선 신호를 내보내지 않는 드론을 탐지할 수 없는 센서는?"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": "레이더",
                        "correct": False,
                    },
                    {
                        "text": "열상(IR) 카메라",
                        "correct": False,
                    },
                    {
                        "text": "주간(EO) 카메라",
                        "correct": False,
                    },
                    {
                        "text": "RF 탐지기",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "RF 탐지기는 드론과 조종기 사이의 통신을 수신하는 수동 센서이므로 송신이 없는 드론은 탐지할 수 "
                    "없습니다."
                ),
            },
            {
                "type": "single",
                "text": "NATO 무인항공기 분류에서 Class I의 최대이륙중량 기준은?",
                "points": 1,
                "choices": [
                    {
                        "text": "150 kg 미만",
                        "correct": True,
                    },
                    {
                        "text": "25 kg 미만",
                        "correct": False,
                    },
                    {
                        "text": "600 kg 미만",
                        "correct": False,
                    },
                    {
                        "text": "2 kg 미만",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "Class I은 150 kg 미만(Micro·Mini·Small), Class II는 150~600 kg, Class III는 600 kg 초과입니다."
                ),
            },
            {
                "type": "multiple",
                "text": "대드론 레이더의 장점을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "전파를 방사하지만 주파수 허가가 필요 없다",
                        "correct": False,
                    },
                    {
                        "text": "주야간·전천후로 작동한다",
                        "correct": True,
                    },
                    {
                        "text": "새로 인한 오경보가 생기지 않는다",
                        "correct": False,
                    },
                    {
                        "text": "무선 신호를 내지 않는 자율비행 드론도 탐지할 수 있다",
                        "correct": True,
                    },
                    {
                        "text": "표적의 거리와 속도를 정밀하게 측정한다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "레이더는 전파를 방사하므로 전파법에 따른 주파수 허가가 필요하고, 새와 클러터로 인한 오경보가 "
                    "주요 한계입니다."
                ),
            },
            {
                "type": "multiple",
                "text": "소프트킬로 분류되는 무력화 수단을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "그물 포획",
                        "correct": False,
                    },
                    {
                        "text": "RF 재밍",
                        "correct": True,
                    },
                    {
                        "text": "요격 드론",
                        "correct": False,
                    },
                    {
                        "text": "GNSS 재밍",
                        "correct": True,
                    },
                    {
                        "text": "스푸핑·프로토콜 장악",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "소프트킬은 기체를 물리적으로 파괴하지 않고 기능을 잃게 하는 수단이며, 그물 포획과 요격 드론은 "
                    "하드킬입니다."
                ),
            },
            {
                "type": "true_false",
                "text": (
                    "원격식별(Remote ID)만 있으면 악의적인 드론까지 모두 식별할 수 있으므로 비협조적 탐지 센서는 "
                    "필요 없다."
                ),
                "points": 1,
                "answer": False,
                "feedback": (
                    "원격식별은 협조적 수단이라 악의적인 드론은 끄거나 조작할 수 있습니다. 비협조적 탐지 능력이 "
                    "반드시 필요합니다."
                ),
            },
            {
                "type": "true_false",
                "text": "전파 교란(재밍) 장비는 법령에 근거한 권한을 가진 기관만 정해진 조건에서 운용할 수 있다.",
                "points": 1,
                "answer": True,
                "feedback": (
                    "전파법은 혼신을 금지하므로 민간 기업이나 개인이 재밍 장비를 임의로 운용하는 것은 불법입니다."
                ),
            },
            {
                "type": "short",
                "text": (
                    "넓은 영역을 보는 센서가 먼저 탐지한 위치로 좁지만 정밀한 EO/IR 센서를 지향해 식별하는 운용 "
                    "방식을 무엇이라 하나요?"
                ),
                "points": 1,
                "answers": [
                    "큐잉",
                    "센서 큐잉",
                    "cueing",
                    "cuing",
                ],
                "feedback": "센서 큐잉입니다. 큐잉 지연과 좌표 정확도가 체계 전체의 반응 속도를 좌우합니다.",
            },
            {
                "type": "short",
                "text": "표적이 레이더 전파를 반사하는 정도를 나타내는 '레이더 반사면적'의 영문 약어는?",
                "points": 1,
                "answers": [
                    "RCS",
                ],
                "feedback": "RCS(Radar Cross Section)입니다. 소형 쿼드콥터는 대략 0.01 m² 수준입니다.",
            },
            {
                "type": "numeric",
                "text": "RCS 0.01 m²를 dBsm으로 나타내면 얼마인가요?",
                "points": 1,
                "value": -20,
                "tolerance": 0.1,
                "feedback": "σ(dBsm) = 10 × log₁₀(0.01) = −20 dBsm입니다.",
            },
            {
                "type": "numeric",
                "text": "다른 조건이 같을 때 표적의 RCS가 1/16로 작아지면 최대 탐지거리는 원래의 몇 배가 되나요?",
                "points": 1,
                "value": 0.5,
                "tolerance": 0.01,
                "feedback": "최대 탐지거리는 RCS의 네제곱근에 비례하므로 (1/16)^(1/4) = 0.5배입니다.",
            },
        ],
    },
    "mission-sw-px4-ardupilot": {
        "title": "드론 임무 SW 입문 최종평가",
        "title_en": "Introduction to Drone Mission Software: final assessment",
        "pass_mark": 60,
        "time_limit_minutes": 30,
        "questions": [
            {
                "type": "single",
                "text": "ArduPilot의 소프트웨어 라이선스는?",
                "points": 1,
                "choices": [
                    {
                        "text": "Apache 2.0",
                        "correct": False,
                    },
                    {
                        "text": "GPLv3",
                        "correct": True,
                    },
                    {
                        "text": "BSD 3-Clause",
                        "correct": False,
                    },
                    {
                        "text": "MIT",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "ArduPilot은 GPLv3로, 수정 펌웨어를 바이너리로 배포하면 소스 제공 의무가 생깁니다. PX4는 BSD "
                    "3-Clause입니다."
                ),
            },
            {
                "type": "single",
                "text": "MAVLink HEARTBEAT 메시지의 ID는?",
                "points": 1,
                "choices": [
                    {
                        "text": "76",
                        "correct": False,
                    },
                    {
                        "text": "0",
                        "correct": True,
                    },
                    {
                        "text": "1",
                        "correct": False,
                    },
                    {
                        "text": "30",
                        "correct": False,
                    },
                ],
                "feedback": "HEARTBEAT는 0, SYS_STATUS는 1, ATTITUDE는 30, COMMAND_LONG은 76입니다.",
            },
            {
                "type": "single",
                "text": "PX4 SITL에서 MAVSDK나 ROS 같은 외부 제어 프로그램이 기본으로 쓰는 UDP 포트는?",
                "points": 1,
                "choices": [
                    {
                        "text": "5760",
                        "correct": False,
                    },
                    {
                        "text": "57600",
                        "correct": False,
                    },
                    {
                        "text": "14540",
                        "correct": True,
                    },
                    {
                        "text": "14550",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "QGroundControl은 UDP 14550, 외부 제어(Offboard) API는 UDP 14540을 사용합니다. 57600은 "
                    "텔레메트리 모뎀의 흔한 전송 속도입니다."
                ),
            },
            {
                "type": "single",
                "text": "PX4가 비행 로그를 저장하는 형식은?",
                "points": 1,
                "choices": [
                    {
                        "text": "DataFlash(.bin)",
                        "correct": False,
                    },
                    {
                        "text": "MPEG-2 TS",
                        "correct": False,
                    },
                    {
                        "text": "GeoJSON",
                        "correct": False,
                    },
                    {
                        "text": "ULog(.ulg)",
                        "correct": True,
                    },
                ],
                "feedback": "PX4는 ULog, ArduPilot은 DataFlash(.bin) 형식을 씁니다.",
            },
            {
                "type": "single",
                "text": (
                    "QGroundControl .plan 파일의 임무 항목에서 frame 값 3(MAV_FRAME_GLOBAL_RELATIVE_ALT)의 고도 기준은?"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": "지형 기준 고도",
                        "correct": False,
                    },
                    {
                        "text": "타원체고",
                        "correct": False,
                    },
                    {
                        "text": "이륙 지점(홈) 기준 상대고도",
                        "correct": True,
                    },
                    {
                        "text": "해발고도(AMSL)",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "frame 3은 홈 위치를 기준으로 한 상대고도입니다. 산악 지형에서는 지형 기준 고도를 검토해야 합니다."
                ),
            },
            {
                "type": "multiple",
                "text": "MAVLink 2의 특징을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "기본적으로 메시지 내용을 암호화한다",
                        "correct": False,
                    },
                    {
                        "text": "메시지 ID가 24비트이다",
                        "correct": True,
                    },
                    {
                        "text": "시작 바이트(STX)가 0xFE이다",
                        "correct": False,
                    },
                    {
                        "text": "패킷 서명(signing)을 지원한다",
                        "correct": True,
                    },
                    {
                        "text": "페이로드 끝의 0 바이트를 잘라 전송한다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "MAVLink 2는 24비트 메시지 ID, 서명, 페이로드 트리밍, 확장 필드를 지원합니다. 암호화는 없으며 "
                    "시작 바이트는 0xFD입니다(0xFE는 MAVLink 1)."
                ),
            },
            {
                "type": "multiple",
                "text": "PX4 모듈과 역할의 연결이 옳은 것을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "mavlink - 각속도 제어 루프 실행",
                        "correct": False,
                    },
                    {
                        "text": "EKF2 - 센서 융합을 통한 상태추정",
                        "correct": True,
                    },
                    {
                        "text": "uORB - 지상관제 SW와의 무선 통신",
                        "correct": False,
                    },
                    {
                        "text": "commander - 시동, 비행 모드, 페일세이프 상태 관리",
                        "correct": True,
                    },
                    {
                        "text": "navigator - 임무 비행과 귀환",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "각속도 제어는 mc_rate_control이 맡고, uORB는 모듈 사이의 내부 발행·구독 메시지 버스입니다. "
                    "외부 통신은 mavlink 모듈이 담당합니다."
                ),
            },
            {
                "type": "true_false",
                "text": "MAVLink 2의 패킷 서명을 켜면 메시지 내용이 암호화되어 제3자가 위치 정보를 읽을 수 없다.",
                "points": 1,
                "answer": False,
                "feedback": (
                    "서명은 송신자를 인증하는 기능일 뿐 기밀성은 제공하지 않습니다. 암호화는 링크 계층에서 따로 "
                    "해야 합니다."
                ),
            },
            {
                "type": "true_false",
                "text": "ArduPilot의 BATT_LOW_VOLT 기본값 10.5 V는 3S 배터리 기준이므로 6S 기체에서는 바꿔야 한다.",
                "points": 1,
                "answer": True,
                "feedback": "기본값을 그대로 두면 6S 기체에서는 저전압 페일세이프가 사실상 작동하지 않습니다.",
            },
            {
                "type": "short",
                "text": (
                    "실제 비행제어 코드를 PC에서 실행하고 물리 시뮬레이터가 가상 센서값을 주는 시험 방식의 약어는?"
                ),
                "points": 1,
                "answers": [
                    "SITL",
                    "Software In The Loop",
                    "Software-In-The-Loop",
                ],
                "feedback": "SITL(Software In The Loop)입니다. 실제 비행제어기를 연결하는 방식은 HITL입니다.",
            },
            {
                "type": "short",
                "text": "COMMAND_LONG으로 보낸 명령의 처리 결과를 알려 주는 MAVLink 메시지 이름은?",
                "points": 1,
                "answers": [
                    "COMMAND_ACK",
                ],
                "feedback": "COMMAND_ACK의 result 필드가 0(MAV_RESULT_ACCEPTED)이면 명령이 수락된 것입니다.",
            },
            {
                "type": "numeric",
                "text": "임무 명령 MAV_CMD_NAV_TAKEOFF의 번호는?",
                "points": 1,
                "value": 22,
                "tolerance": 0,
                "feedback": "NAV_WAYPOINT 16, NAV_RETURN_TO_LAUNCH 20, NAV_LAND 21, NAV_TAKEOFF 22입니다.",
            },
            {
                "type": "numeric",
                "text": (
                    "MAV_CMD_SET_MESSAGE_INTERVAL로 어떤 메시지를 10 Hz로 받으려면 param2에 몇 µs를 넣어야 하나요?"
                ),
                "points": 1,
                "value": 100000,
                "tolerance": 0,
                "feedback": "10 Hz는 0.1초 간격이므로 100,000 µs입니다.",
            },
        ],
    },
    "defense-tech-security": {
        "title": "방산기술보호 보안교육 최종평가",
        "title_en": "Defense Technology Protection and Security: final assessment",
        "pass_mark": 60,
        "time_limit_minutes": 20,
        "questions": [
            {
                "type": "single",
                "text": "방위산업기술을 지정·고시하는 주체는?",
                "points": 1,
                "choices": [
                    {
                        "text": "방위사업청장",
                        "correct": True,
                    },
                    {
                        "text": "국방부장관",
                        "correct": False,
                    },
                    {
                        "text": "산업통상자원부장관",
                        "correct": False,
                    },
                    {
                        "text": "각 방산업체 대표",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "방위산업기술은 국방과학기술 중 국가안보를 위해 보호가 필요한 기술로서 방위사업청장이 "
                    "지정·고시한 기술입니다."
                ),
            },
            {
                "type": "single",
                "text": "보안상 매우 중요해 비인가자의 출입이 금지되는 보호지역은?",
                "points": 1,
                "choices": [
                    {
                        "text": "통제구역",
                        "correct": True,
                    },
                    {
                        "text": "제한지역",
                        "correct": False,
                    },
                    {
                        "text": "제한구역",
                        "correct": False,
                    },
                    {
                        "text": "일반구역",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "제한지역은 일반인 출입 감시, 제한구역은 출입 안내가 필요한 구역, 통제구역은 비인가자 출입 "
                    "금지 구역입니다."
                ),
            },
            {
                "type": "single",
                "text": "누설될 경우 국가안전보장에 막대한 지장을 줄 우려가 있는 비밀의 등급은?",
                "points": 1,
                "choices": [
                    {
                        "text": "Ⅱ급비밀",
                        "correct": True,
                    },
                    {
                        "text": "Ⅰ급비밀",
                        "correct": False,
                    },
                    {
                        "text": "Ⅲ급비밀",
                        "correct": False,
                    },
                    {
                        "text": "대외비",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "Ⅰ급은 외교관계 단절·전쟁 유발 등의 우려, Ⅱ급은 막대한 지장, Ⅲ급은 해를 끼칠 우려가 있는 "
                    "비밀입니다."
                ),
            },
            {
                "type": "single",
                "text": (
                    "드론의 항법·통신 부품이나 관련 기술의 수출 전에 전략물자 해당 여부를 확인해야 하는 근거 법률은?"
                ),
                "points": 1,
                "choices": [
                    {
                        "text": "항공안전법",
                        "correct": False,
                    },
                    {
                        "text": "대외무역법",
                        "correct": True,
                    },
                    {
                        "text": "부정경쟁방지법",
                        "correct": False,
                    },
                    {
                        "text": "전파법",
                        "correct": False,
                    },
                ],
                "feedback": ("전략물자 수출 통제는 대외무역법에 따르며, 이중용도 품목에 해당하는지 판정받아야 합니다."),
            },
            {
                "type": "single",
                "text": "대외비에 대한 설명으로 옳은 것은?",
                "points": 1,
                "choices": [
                    {
                        "text": "개인정보만을 뜻한다",
                        "correct": False,
                    },
                    {
                        "text": "비밀은 아니지만 직무 수행상 특별히 보호가 필요한 사항으로 비밀에 준해 관리한다",
                        "correct": True,
                    },
                    {
                        "text": "Ⅲ급비밀보다 한 단계 높은 비밀 등급이다",
                        "correct": False,
                    },
                    {
                        "text": "외부에 자유롭게 공개할 수 있는 자료이다",
                        "correct": False,
                    },
                ],
                "feedback": "대외비는 비밀 등급은 아니지만 비밀에 준해 관리하는 보호 대상입니다.",
            },
            {
                "type": "multiple",
                "text": "기술유출 징후로 볼 수 있는 행동을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "승인 절차를 거쳐 보안 USB로 자료를 반출한다",
                        "correct": False,
                    },
                    {
                        "text": "업무와 관련 없는 자료를 대량으로 내려받는다",
                        "correct": True,
                    },
                    {
                        "text": "정기 보안교육에 참석한다",
                        "correct": False,
                    },
                    {
                        "text": "퇴사를 앞두고 업무 파일을 개인 메일로 보낸다",
                        "correct": True,
                    },
                    {
                        "text": "외부인이 기술 세부사항을 지나치게 묻고 고액 자문을 제안한다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "대량 열람·다운로드, 퇴사 전 반출 시도, 외부인의 과도한 관심은 대표적 징후입니다. 승인된 "
                    "절차에 따른 반출은 정상 업무입니다."
                ),
            },
            {
                "type": "multiple",
                "text": "드론 개발 데이터를 보호하는 올바른 방법을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "비행 로그는 공개 웹 분석 서비스에 올려 분석한다",
                        "correct": False,
                    },
                    {
                        "text": "외부 제공용 사진과 영상은 메타데이터를 제거한 사본만 내보낸다",
                        "correct": True,
                    },
                    {
                        "text": "규격서를 생성형 AI 번역 서비스에 붙여 넣어 번역한다",
                        "correct": False,
                    },
                    {
                        "text": "내려받은 펌웨어는 배포처가 공개한 해시값과 비교한다",
                        "correct": True,
                    },
                ],
                "feedback": ("공개 웹 서비스 업로드와 외부 AI 서비스 입력은 자료를 외부 서버에 넘기는 것과 같습니다."),
            },
            {
                "type": "true_false",
                "text": (
                    "체계업체에 부품을 공급하는 협력업체도 방위산업기술을 보유하거나 연구개발하면 "
                    "방위산업기술보호법의 대상기관이 된다."
                ),
                "points": 1,
                "answer": True,
                "feedback": (
                    "대상기관에는 방산업체뿐 아니라 방위산업기술을 다루는 일반업체, 연구기관, 대학도 포함됩니다."
                ),
            },
            {
                "type": "true_false",
                "text": "기술유출이 의심되면 확산을 막기 위해 관련 PC를 즉시 포맷한다.",
                "points": 1,
                "answer": False,
                "feedback": "증거를 보존해야 하므로 PC를 끄거나 포맷하지 말고 즉시 보안담당자에게 보고합니다.",
            },
            {
                "type": "short",
                "text": "비밀은 업무상 꼭 알아야 하는 사람에게만 필요한 만큼 제공한다는 원칙을 무엇이라 하나요?",
                "points": 1,
                "answers": [
                    "알 필요의 원칙",
                    "알 필요 원칙",
                    "need to know",
                    "need-to-know",
                ],
                "feedback": "알 필요의 원칙(need to know)입니다. 직급이 높다고 열람 권리가 생기지 않습니다.",
            },
            {
                "type": "short",
                "text": "산업기술 유출과 간첩을 국가정보원에 신고하는 전화번호(국번 없이)는?",
                "points": 1,
                "answers": [
                    "111",
                ],
                "feedback": "국가정보원 신고 전화는 111, 국군방첩사령부는 1337입니다.",
            },
            {
                "type": "numeric",
                "text": "방위산업기술보호법이 시행된 연도는?",
                "points": 1,
                "value": 2016,
                "tolerance": 0,
                "feedback": "2015년 12월 제정되어 2016년 6월부터 시행되었습니다.",
            },
        ],
    },
    "flight-safety-aviation-law": {
        "title": "드론 비행안전과 항공법규 최종평가",
        "title_en": "Drone Flight Safety and Aviation Law: final assessment",
        "pass_mark": 60,
        "time_limit_minutes": 20,
        "questions": [
            {
                "type": "single",
                "text": "공항 주변 관제권의 범위로 옳은 것은?",
                "points": 1,
                "choices": [
                    {
                        "text": "공항 중심 반경 약 3 km",
                        "correct": False,
                    },
                    {
                        "text": "공항 중심 반경 약 18.5 km",
                        "correct": False,
                    },
                    {
                        "text": "활주로 끝에서 1 km",
                        "correct": False,
                    },
                    {
                        "text": "공항 중심 반경 약 9.3 km",
                        "correct": True,
                    },
                ],
                "feedback": ("관제권은 공항 중심 반경 약 9.3 km(5 해리)이며, 이 안에서 비행하려면 승인이 필요합니다."),
            },
            {
                "type": "single",
                "text": "무인동력비행장치 조종자 증명 3종의 대상 기체(최대이륙중량)는?",
                "points": 1,
                "choices": [
                    {
                        "text": "25 kg 초과",
                        "correct": False,
                    },
                    {
                        "text": "2 kg 초과 7 kg 이하",
                        "correct": True,
                    },
                    {
                        "text": "250 g 초과 2 kg 이하",
                        "correct": False,
                    },
                    {
                        "text": "7 kg 초과 25 kg 이하",
                        "correct": False,
                    },
                ],
                "feedback": "4종 250 g 초과~2 kg, 3종 2 kg 초과~7 kg, 2종 7 kg 초과~25 kg, 1종 25 kg 초과입니다.",
            },
            {
                "type": "single",
                "text": "일몰 후부터 일출 전까지 드론을 비행하려면 필요한 절차는?",
                "points": 1,
                "choices": [
                    {
                        "text": "특별비행승인",
                        "correct": True,
                    },
                    {
                        "text": "항공촬영 허가",
                        "correct": False,
                    },
                    {
                        "text": "기체 신고",
                        "correct": False,
                    },
                    {
                        "text": "조종자 증명 갱신",
                        "correct": False,
                    },
                ],
                "feedback": "야간 비행과 가시권 밖 비행은 원칙적으로 금지되며 특별비행승인을 받아야 가능합니다.",
            },
            {
                "type": "single",
                "text": "비사업용 드론의 기체 신고 기준으로 옳은 것은?",
                "points": 1,
                "choices": [
                    {
                        "text": "최대이륙중량 25 kg 초과",
                        "correct": False,
                    },
                    {
                        "text": "자체중량 150 kg 초과",
                        "correct": False,
                    },
                    {
                        "text": "최대이륙중량 2 kg 초과",
                        "correct": True,
                    },
                    {
                        "text": "최대이륙중량 250 g 초과",
                        "correct": False,
                    },
                ],
                "feedback": "사업용은 무게와 관계없이, 비사업용은 최대이륙중량 2 kg을 넘으면 신고해야 합니다.",
            },
            {
                "type": "single",
                "text": "최대이륙중량 25 kg을 넘는 기체의 안전성인증을 담당하는 기관은?",
                "points": 1,
                "choices": [
                    {
                        "text": "한국교통안전공단",
                        "correct": False,
                    },
                    {
                        "text": "국방기술품질원",
                        "correct": False,
                    },
                    {
                        "text": "지방항공청",
                        "correct": False,
                    },
                    {
                        "text": "항공안전기술원",
                        "correct": True,
                    },
                ],
                "feedback": ("안전성인증은 항공안전기술원이, 기체 신고와 조종자 증명은 한국교통안전공단이 담당합니다."),
            },
            {
                "type": "multiple",
                "text": "비행승인을 받아야 하는 경우를 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "250 g 이하 기체로 초경량비행장치 비행구역(UA)에서 주간에 비행한다",
                        "correct": False,
                    },
                    {
                        "text": "공항 관제권 안에서 비행한다",
                        "correct": True,
                    },
                    {
                        "text": "3 kg 기체로 관제권·금지구역 밖에서 주간에 100 m 고도로 가시권 안에서 비행한다",
                        "correct": False,
                    },
                    {
                        "text": "지표면 기준 150 m 이상 고도로 비행한다",
                        "correct": True,
                    },
                    {
                        "text": "최대이륙중량 30 kg 기체로 비행한다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "관제권·비행금지구역·비행제한구역, 150 m 이상 고도, 25 kg 초과 기체는 비행승인이 필요합니다."
                ),
            },
            {
                "type": "multiple",
                "text": "항공안전법상 초경량비행장치사고에 해당하는 것을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "이륙 전 지상 점검에서 배터리 경고가 떠 비행을 취소했다",
                        "correct": False,
                    },
                    {
                        "text": "비행 중 기체가 추락했다",
                        "correct": True,
                    },
                    {
                        "text": "착륙 후 창고에 보관하다가 프로펠러 손상을 발견했다",
                        "correct": False,
                    },
                    {
                        "text": "비행 중 기체의 위치를 확인할 수 없게 되었다",
                        "correct": True,
                    },
                    {
                        "text": "비행 중 기체와 부딪혀 사람이 중상을 입었다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "사고는 비행을 목적으로 이륙하는 순간부터 착륙할 때까지 일어난 사상, 추락·충돌·화재, 위치 확인 "
                    "불가·접근 불가를 말합니다."
                ),
            },
            {
                "type": "true_false",
                "text": "항공안전법 제3조에 따라 군용항공기와 그 운용에는 항공안전법이 적용되지 않는다.",
                "points": 1,
                "answer": True,
                "feedback": (
                    "군용항공기에는 적용되지 않지만, 기업이 민간 공역에서 시제기 시험이나 교육·시연 비행을 하면 "
                    "항공안전법을 따라야 합니다."
                ),
            },
            {
                "type": "true_false",
                "text": "비행승인이 필요한 150 m 고도는 이륙 지점의 높이를 기준으로 잰다.",
                "points": 1,
                "answer": False,
                "feedback": (
                    "150 m는 지표면·수면 또는 물건의 상단을 기준으로 하므로, 골짜기 위에서는 이륙 지점 기준 "
                    "고도보다 실제 고도가 커질 수 있습니다."
                ),
            },
            {
                "type": "short",
                "text": "대전 유성구 원자력 연구시설 일대에 설정된 비행금지구역의 명칭은?",
                "points": 1,
                "answers": [
                    "P-65",
                    "P65",
                    "P 65",
                ],
                "feedback": ("원자력 시설 주변 비행금지구역은 P-61~P-65이며, 대전 원자력 연구시설 일대는 P-65입니다."),
            },
            {
                "type": "short",
                "text": (
                    "질병, 약물, 스트레스, 음주, 피로, 감정·식사를 스스로 점검하는 조종자 자가점검 방법의 영문 약어는?"
                ),
                "points": 1,
                "answers": [
                    "IMSAFE",
                    "I'M SAFE",
                    "I M SAFE",
                ],
                "feedback": "IMSAFE(Illness, Medication, Stress, Alcohol, Fatigue, Emotion/Eating) 점검입니다.",
            },
            {
                "type": "numeric",
                "text": "조종자 증명 4종이 적용되는 기체의 최대이륙중량 상한은 몇 kg인가요?",
                "points": 1,
                "value": 2,
                "tolerance": 0,
                "feedback": ("4종은 최대이륙중량 250 g 초과 2 kg 이하 기체에 적용되며 온라인 교육 이수로 취득합니다."),
            },
        ],
    },
    "defense-quality-management": {
        "title": "국방 품질경영 기초 최종평가",
        "title_en": "Fundamentals of Defense Quality Management: final assessment",
        "pass_mark": 60,
        "time_limit_minutes": 25,
        "questions": [
            {
                "type": "single",
                "text": "ISO 9001:2015에서 모니터링·측정, 내부심사, 경영검토를 다루는 조항은?",
                "points": 1,
                "choices": [
                    {
                        "text": "7항 지원",
                        "correct": False,
                    },
                    {
                        "text": "8항 운용",
                        "correct": False,
                    },
                    {
                        "text": "10항 개선",
                        "correct": False,
                    },
                    {
                        "text": "9항 성과 평가",
                        "correct": True,
                    },
                ],
                "feedback": "9항 성과 평가는 PDCA의 Check 단계에 해당합니다.",
            },
            {
                "type": "single",
                "text": "부적합품을 부적합 상태 그대로 사용하기로 하는 처분은?",
                "points": 1,
                "choices": [
                    {
                        "text": "폐기(Scrap)",
                        "correct": False,
                    },
                    {
                        "text": "수입검사",
                        "correct": False,
                    },
                    {
                        "text": "특채(Use as is)",
                        "correct": True,
                    },
                    {
                        "text": "재작업(Rework)",
                        "correct": False,
                    },
                ],
                "feedback": "특채는 부적합 상태로 사용하는 처분으로, 방산에서는 고객·정부 승인이 필요합니다.",
            },
            {
                "type": "single",
                "text": "AS9100에서 초도품 검사(FAI) 결과를 기록하는 양식을 정한 표준은?",
                "points": 1,
                "choices": [
                    {
                        "text": "AS9100",
                        "correct": False,
                    },
                    {
                        "text": "ISO 2859-1",
                        "correct": False,
                    },
                    {
                        "text": "IPC-A-610",
                        "correct": False,
                    },
                    {
                        "text": "AS9102",
                        "correct": True,
                    },
                ],
                "feedback": "초도품 검사는 AS9102에 따라 첫 생산품이 설계 요구사항을 모두 충족하는지 검증합니다.",
            },
            {
                "type": "single",
                "text": "다음 중 시정조치에 해당하는 것은?",
                "points": 1,
                "choices": [
                    {
                        "text": "불량품에 꼬리표를 붙여 격리했다",
                        "correct": False,
                    },
                    {
                        "text": (
                            "커넥터가 빠진 원인을 찾아 잠금식 커넥터로 설계를 변경하고 설계 검토 점검표를 개정했다"
                        ),
                        "correct": True,
                    },
                    {
                        "text": "빠진 커넥터를 다시 꽂았다",
                        "correct": False,
                    },
                    {
                        "text": "불량 커넥터를 새것으로 바꾸었다",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "수정은 발견된 부적합을 없애는 조치이고, 시정조치는 원인을 제거해 재발을 막는 조치입니다."
                ),
            },
            {
                "type": "multiple",
                "text": "형상관리의 네 가지 기능에 해당하는 것을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "공급자 평가",
                        "correct": False,
                    },
                    {
                        "text": "형상식별",
                        "correct": True,
                    },
                    {
                        "text": "형상통제",
                        "correct": True,
                    },
                    {
                        "text": "형상상태기록",
                        "correct": True,
                    },
                    {
                        "text": "형상감사",
                        "correct": True,
                    },
                ],
                "feedback": "형상관리는 형상식별, 형상통제, 형상상태기록, 형상감사(FCA·PCA)로 이루어집니다.",
            },
            {
                "type": "multiple",
                "text": "ISO 9000:2015의 7대 품질경영 원칙에 포함되는 것을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "원가 최소화",
                        "correct": False,
                    },
                    {
                        "text": "고객 중시",
                        "correct": True,
                    },
                    {
                        "text": "무결점 전수검사",
                        "correct": False,
                    },
                    {
                        "text": "증거 기반 의사결정",
                        "correct": True,
                    },
                    {
                        "text": "관계 관리",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "7대 원칙은 고객 중시, 리더십, 인원의 적극 참여, 프로세스 접근법, 개선, 증거 기반 의사결정, "
                    "관계 관리입니다."
                ),
            },
            {
                "type": "true_false",
                "text": "국방기술품질원의 정부 품질보증 활동이 있으므로 계약업체의 자체 품질보증 책임은 면제된다.",
                "points": 1,
                "answer": False,
                "feedback": (
                    "정부 품질보증은 업체의 품질보증을 대신하지 않으며, 납품 품질의 1차 책임은 계약업체에 있습니다."
                ),
            },
            {
                "type": "true_false",
                "text": "ISO 9001:2015는 별도의 예방조치 조항을 없애고 리스크 기반 사고로 그 역할을 대신했다.",
                "points": 1,
                "answer": True,
                "feedback": (
                    "2015년판은 리스크와 기회를 다루는 기획(6항)과 리스크 기반 사고로 예방 개념을 통합했습니다."
                ),
            },
            {
                "type": "short",
                "text": "부적합품의 처분을 결정하는 재료검토위원회의 영문 약어는?",
                "points": 1,
                "answers": [
                    "MRB",
                    "Material Review Board",
                ],
                "feedback": (
                    "MRB(Material Review Board)는 품질·설계·생산 담당자로 구성되어 부적합품 처분을 결정합니다."
                ),
            },
            {
                "type": "short",
                "text": "형상통제위원회(CCB)에 제출해 심의받는 기술변경제안의 영문 약어는?",
                "points": 1,
                "answers": [
                    "ECP",
                    "Engineering Change Proposal",
                ],
                "feedback": ("ECP(Engineering Change Proposal)가 승인되어야 설계·부품·공정 변경을 반영할 수 있습니다."),
            },
            {
                "type": "numeric",
                "text": (
                    "규격이 20.0 ± 0.6 mm이고 공정 평균이 20.2 mm, 표준편차가 0.1 mm일 때 Cpk는? (소수 둘째 자리)"
                ),
                "points": 1,
                "value": 1.33,
                "tolerance": 0.01,
                "feedback": "Cpk = min(20.6 − 20.2, 20.2 − 19.4) / (3 × 0.1) = min(0.4, 0.8) / 0.3 = 1.33입니다.",
            },
            {
                "type": "numeric",
                "text": (
                    "KS Q ISO 2859-1에서 로트 1,000개, 통상 검사 수준 II, 보통검사, AQL 1.0일 때 합격판정개수(Ac)는?"
                ),
                "points": 1,
                "value": 2,
                "tolerance": 0,
                "feedback": "시료 문자 J, 시료 크기 80개이며 AQL 1.0에서 Ac = 2, Re = 3입니다.",
            },
        ],
    },
    "drone-imagery-analysis": {
        "title": "드론 영상정보 분석 최종평가",
        "title_en": "Drone Imagery Analysis: final assessment",
        "pass_mark": 60,
        "time_limit_minutes": 30,
        "questions": [
            {
                "type": "single",
                "text": "상온 물체의 열 복사가 가장 강해 드론용 비냉각 열상 카메라가 주로 쓰는 대역은?",
                "points": 1,
                "choices": [
                    {
                        "text": "근적외선(NIR, 0.7~1.0 µm)",
                        "correct": False,
                    },
                    {
                        "text": "단파적외선(SWIR, 1~3 µm)",
                        "correct": False,
                    },
                    {
                        "text": "가시광(0.4~0.7 µm)",
                        "correct": False,
                    },
                    {
                        "text": "장파적외선(LWIR, 8~14 µm)",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "약 300 K 물체의 복사는 빈의 변위 법칙에 따라 10 µm 부근에서 가장 강하므로 LWIR을 씁니다."
                ),
            },
            {
                "type": "single",
                "text": "일출·일몰 무렵 대상과 배경의 온도가 비슷해져 열상 영상의 대비가 사라지는 현상은?",
                "points": 1,
                "choices": [
                    {
                        "text": "모션 블러",
                        "correct": False,
                    },
                    {
                        "text": "지면효과",
                        "correct": False,
                    },
                    {
                        "text": "열 교차(thermal crossover)",
                        "correct": True,
                    },
                    {
                        "text": "젤로 현상",
                        "correct": False,
                    },
                ],
                "feedback": "열 교차 시간대에는 열상 탐지 성능이 떨어지므로 촬영 계획에 반영해야 합니다.",
            },
            {
                "type": "single",
                "text": "COCO 방식의 mAP@0.5:0.95에 대한 설명으로 옳은 것은?",
                "points": 1,
                "choices": [
                    {
                        "text": "IoU 0.5 한 가지 기준으로만 계산한다",
                        "correct": False,
                    },
                    {
                        "text": "신뢰도 임계값 0.5와 0.95에서의 정밀도 평균이다",
                        "correct": False,
                    },
                    {
                        "text": "작은 물체만 대상으로 계산한다",
                        "correct": False,
                    },
                    {
                        "text": "IoU 0.50부터 0.95까지 0.05 간격의 10개 기준에서 구한 AP를 평균한다",
                        "correct": True,
                    },
                ],
                "feedback": "mAP@0.5:0.95는 여러 IoU 기준을 평균해 상자 위치 정확도까지 엄격하게 반영합니다.",
            },
            {
                "type": "single",
                "text": "대전을 포함한 국내 대부분 지역이 속하는 WGS 84 / UTM 좌표계의 EPSG 코드는?",
                "points": 1,
                "choices": [
                    {
                        "text": "32651",
                        "correct": False,
                    },
                    {
                        "text": "5186",
                        "correct": False,
                    },
                    {
                        "text": "32652",
                        "correct": True,
                    },
                    {
                        "text": "4326",
                        "correct": False,
                    },
                ],
                "feedback": (
                    "UTM 52N(동경 126~132°)은 EPSG:32652입니다. 4326은 위경도, 5186은 Korea 2000 중부원점입니다."
                ),
            },
            {
                "type": "multiple",
                "text": "객체 탐지 데이터셋 구축에 대한 올바른 설명을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "같은 비행의 연속 프레임을 무작위로 섞어 학습·시험 세트에 나눈다",
                        "correct": False,
                    },
                    {
                        "text": "학습·검증·시험 세트는 비행(촬영 세션) 단위로 나눈다",
                        "correct": True,
                    },
                    {
                        "text": "증강은 실제 촬영 조건과 관계없이 최대한 강하게 적용한다",
                        "correct": False,
                    },
                    {
                        "text": "가려진 물체와 잘린 물체의 표시 방법을 라벨링 지침으로 먼저 정한다",
                        "correct": True,
                    },
                    {
                        "text": "다른 작업자가 라벨을 교차 검수한다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "연속 프레임이 여러 세트로 흩어지면 거의 같은 장면으로 시험하게 되어 성능이 부풀려집니다."
                ),
            },
            {
                "type": "multiple",
                "text": "영상과 로그의 시각·고도 정보에 대한 설명으로 옳은 것을 모두 고르세요.",
                "points": 2,
                "choices": [
                    {
                        "text": "EXIF의 GPSAltitude는 항상 이륙 지점 기준 상대고도이다",
                        "correct": False,
                    },
                    {
                        "text": "GPS 시각과 UTC는 윤초만큼(현재 18초) 차이가 난다",
                        "correct": True,
                    },
                    {
                        "text": "KLV 메타데이터의 타임스탬프는 카메라의 현지 시각이다",
                        "correct": False,
                    },
                    {
                        "text": "카메라 EXIF 시각에는 시간대 정보가 없거나 카메라 시계가 틀릴 수 있다",
                        "correct": True,
                    },
                ],
                "feedback": (
                    "EXIF GPSAltitude는 보통 해발 기준이고, MISB KLV 타임스탬프는 UTC 기준 정밀 시각(µs)입니다."
                ),
            },
            {
                "type": "true_false",
                "text": "일반 유리는 장파적외선(LWIR)을 잘 통과시키므로 열상 카메라로 창문 너머를 볼 수 있다.",
                "points": 1,
                "answer": False,
                "feedback": "일반 유리는 LWIR을 거의 통과시키지 않아 창문 너머는 보이지 않습니다.",
            },
            {
                "type": "true_false",
                "text": "탐지 모델의 신뢰도 임계값을 높이면 일반적으로 정밀도는 오르고 재현율은 떨어진다.",
                "points": 1,
                "answer": True,
                "feedback": "임계값을 높이면 확실한 탐지만 남아 오탐이 줄지만 놓치는 표적이 늘어납니다.",
            },
            {
                "type": "short",
                "text": "영상의 한 화소가 지상에서 차지하는 거리를 뜻하는 용어의 영문 약어는?",
                "points": 1,
                "answers": [
                    "GSD",
                    "Ground Sampling Distance",
                    "Ground Sample Distance",
                    "지상표본거리",
                ],
                "feedback": "GSD(지상표본거리)는 고도에 비례하고 초점거리에 반비례합니다.",
            },
            {
                "type": "short",
                "text": "MISB ST 0601이 메타데이터를 인코딩하는 키-길이-값 형식의 약어는?",
                "points": 1,
                "answers": [
                    "KLV",
                    "Key-Length-Value",
                ],
                "feedback": "KLV(Key-Length-Value) 메타데이터를 MPEG-2 TS에 영상과 함께 다중화합니다.",
            },
            {
                "type": "numeric",
                "text": (
                    "센서 폭 13.2 mm, 초점거리 8.8 mm, 영상 가로 5472 px인 카메라로 50 m 고도에서 연직 촬영할 때 "
                    "GSD는 약 몇 cm/px인가요?"
                ),
                "points": 1,
                "value": 1.37,
                "tolerance": 0.02,
                "feedback": "GSD = 13.2 × 50 / (8.8 × 5472) m ≈ 0.0137 m = 1.37 cm/px입니다.",
            },
            {
                "type": "numeric",
                "text": "시험 결과 TP 90, FP 10, FN 30일 때 재현율(Recall)은? (소수 둘째 자리)",
                "points": 1,
                "value": 0.75,
                "tolerance": 0.01,
                "feedback": "재현율 = TP / (TP + FN) = 90 / 120 = 0.75입니다. 정밀도는 90 / 100 = 0.90입니다.",
            },
        ],
    },
}

PRACTICAL = {
    "drone-piloting-basics": {
        "title": "비행 실기평가",
        "title_en": "Flight practical assessment",
        "pass_mark": 60,
        "criteria": [
            {
                "title": "비행 전 점검",
                "title_en": "Pre-flight inspection",
                "points": 20,
                "description": (
                    "점검표에 따라 공역·기상 확인, 프로펠러·모터·암 잠금 상태, 배터리 전압과 셀 편차, 페일세이프 "
                    "설정과 GNSS 수신 상태를 빠짐없이 확인하고, 조종기 먼저 켜기 등 전원 인가 순서를 지키는지 "
                    "평가합니다."
                ),
            },
            {
                "title": "이륙과 정지 호버링",
                "title_en": "Take-off and hover",
                "points": 20,
                "description": (
                    "이륙을 구두로 고지한 뒤 수직으로 이륙해 3 m 고도에서 앞뒤·좌우 1 m, 고도 ±0.5 m 이내로 10초 "
                    "이상 정지 비행하는지, 이륙 직후 이상 여부를 확인하는지 평가합니다."
                ),
            },
            {
                "title": "기본 기동(사각·원주 비행)",
                "title_en": "Basic manoeuvres (square and circle)",
                "points": 25,
                "description": (
                    "한 변 10 m 사각 비행과 반경 5~10 m 원주 비행에서 경로 이탈, 고도·기수 유지, 모서리 정지 "
                    "정확도, 요와 롤의 협조 조작을 평가합니다."
                ),
            },
            {
                "title": "비상 조작과 착륙",
                "title_en": "Emergency handling and landing",
                "points": 20,
                "description": (
                    "강사가 GNSS 상실을 가정해 지시하면 고도유지 모드로 전환해 바람을 보정하며 지정 지점에 "
                    "착륙하는지, 시동 해제 확인과 배터리 분리 등 착륙 후 절차를 지키는지 평가합니다."
                ),
            },
            {
                "title": "안전 의식과 의사소통",
                "title_en": "Safety awareness and communication",
                "points": 15,
                "description": (
                    "비행 내내 기체에서 시선을 떼지 않는지, 관찰자와 고도·배터리 정보를 주고받는지, 인원 접근 시 "
                    "즉시 대응하는지, 비행 후 비행일지를 정확히 기록하는지 평가합니다."
                ),
            },
        ],
    },
}
