"""Demo catalog content: the cluster's institutes and their eight drone courses, with modules and lessons.

Pure data, loaded by the demo loader. Lesson bodies use the StreamField block types of courses.blocks.
"""

INSTITUTES = [
    {
        "slug": "dcti",
        "title": "대전드론융합기술연구원",
        "name_en": "Daejeon Drone Convergence Technology Institute",
        "description": (
            "<p>대전드론융합기술연구원은 대전 방산혁신클러스터의 방산특화개발연구소로서 소형 군용드론의 비행제어, "
            "추진계통, 임무 소프트웨어를 연구하고, 그 성과를 방산 중소·벤처기업 재직자 교육으로 이어 가고 "
            "있습니다.</p><p>유성구 연구단지 안의 실내 비행시험장과 정비 실습실, SITL 시뮬레이션 실습실을 갖추고 "
            "있으며, 드론 조종 기초부터 정비 실무, PX4·ArduPilot 기반 임무 SW 개발까지 현장 중심 교육과정을 "
            "운영합니다.</p>"
        ),
        "description_en": (
            "<p>The Daejeon Drone Convergence Technology Institute is one of the cluster's defense R&amp;D "
            "institutes. It researches flight control, propulsion and mission software for small military drones "
            "and turns that work into training for the staff of defense SMEs and start-ups.</p><p>With an indoor "
            "flight test hall, a maintenance workshop and a SITL simulation lab in the Daedeok research district, "
            "it runs hands-on courses from basic piloting to maintenance practice and PX4/ArduPilot mission "
            "software development.</p>"
        ),
        "website": "https://dcti.example.kr/",
        "instructor": {
            "email": "jh.yoon@dcti.example.kr",
            "name_ko": "윤재혁",
            "name_en": "Jaehyeok Yoon",
        },
        "manager": {
            "email": "soyeon.han@dcti.example.kr",
            "name_ko": "한소연",
            "name_en": "Soyeon Han",
        },
    },
    {
        "slug": "usti",
        "title": "대전무인체계감시기술연구소",
        "name_en": "Daejeon Unmanned Systems Surveillance Technology Institute",
        "description": (
            "<p>대전무인체계감시기술연구소는 무인체계의 탐지·식별 기술과 드론 영상정보 처리 기술을 연구하는 "
            "방산특화개발연구소입니다. 레이더·RF·EO/IR 센서 융합과 항공영상 기반 객체 탐지 분야의 연구 인력이 "
            "강사로 참여합니다.</p><p>교육은 공개된 과학기술 지식과 국내외 공개 표준을 바탕으로 하며, 대드론 "
            "체계의 개념과 영상정보 분석의 기초를 방산 기업 엔지니어가 실무에 적용할 수 있도록 구성했습니다.</p>"
        ),
        "description_en": (
            "<p>The Daejeon Unmanned Systems Surveillance Technology Institute researches the detection and "
            "identification of unmanned systems and the processing of drone imagery. Researchers in radar, RF and "
            "EO/IR sensor fusion and in object detection on aerial imagery teach its courses.</p><p>Its training "
            "builds on open scientific knowledge and public standards, so that engineers at defense companies can "
            "apply counter-drone concepts and imagery analysis in their own work.</p>"
        ),
        "website": "https://usti.example.kr/",
        "instructor": {
            "email": "minseok.kang@usti.example.kr",
            "name_ko": "강민석",
            "name_en": "Minseok Kang",
        },
        "manager": {
            "email": "jieun.oh@usti.example.kr",
            "name_ko": "오지은",
            "name_en": "Jieun Oh",
        },
    },
    {
        "slug": "dqsi",
        "title": "방산품질보안교육원",
        "name_en": "Defense Quality and Security Training Institute",
        "description": (
            "<p>방산품질보안교육원은 방산 협력업체가 갖추어야 할 품질경영, 방산기술보호, 항공법규 준수 역량을 "
            "교육하는 클러스터 협력 교육기관입니다.</p><p>국방 품질보증과 방위산업기술 보호 실무 경험을 갖춘 "
            "강사진이 KS Q ISO 9001, AS9100, 국방품질경영시스템, 방위산업기술보호법, 항공안전법의 핵심 내용을 "
            "중소기업 눈높이에 맞추어 온라인 과정으로 제공합니다.</p>"
        ),
        "description_en": (
            "<p>The Defense Quality and Security Training Institute is a partner training body of the cluster. It "
            "teaches defense suppliers the quality management, technology protection and aviation law compliance "
            "they need.</p><p>Instructors with hands-on experience in defense quality assurance and technology "
            "protection cover KS Q ISO 9001, AS9100, the defense quality management system, the Defense Technology "
            "Security Act and the Aviation Safety Act in online courses designed for SMEs.</p>"
        ),
        "website": "https://dqsi.example.kr/",
        "instructor": {
            "email": "donghun.seo@dqsi.example.kr",
            "name_ko": "서동훈",
            "name_en": "Donghun Seo",
        },
        "manager": {
            "email": "sujin.lim@dqsi.example.kr",
            "name_ko": "임수진",
            "name_en": "Sujin Lim",
        },
    },
]

COURSES = [
    {
        "slug": "drone-piloting-basics",
        "institute": "dcti",
        "title": "소형 군용드론 조종 기초",
        "title_en": "Small Military Drone Piloting Basics",
        "summary": (
            "멀티콥터의 비행 원리, LiPo 배터리 취급, 비행 전 점검, 비행 모드와 비상 대응을 익히고 집체 실습에서 "
            "기본 기동을 연습하는 입문 과정입니다."
        ),
        "summary_en": (
            "An entry course on multicopter flight principles, LiPo battery handling, pre-flight checks, flight "
            "modes and emergency procedures, with basic manoeuvres practised in on-site sessions."
        ),
        "category": "piloting",
        "level": "beginner",
        "study_hours": 4,
        "delivery_mode": "blended",
        "enrolment_policy": "open",
        "outcomes": [
            "멀티콥터가 양력과 자세를 제어하는 원리와 주요 구성품의 역할을 설명할 수 있다.",
            "LiPo 배터리를 셀 전압 기준에 따라 충전·보관·폐기할 수 있다.",
            "점검표에 따라 비행 전 점검을 수행하고 이상 여부를 판정할 수 있다.",
            "자세·고도유지·위치 모드의 차이를 이해하고 기본 기동을 수행할 수 있다.",
            "링크 손실, 저전압, GNSS 이상 등 비상 상황에서 페일세이프와 수동 조작으로 대응할 수 있다.",
        ],
        "outcomes_en": [
            "Explain how a multicopter controls lift and attitude, and what its main components do.",
            "Charge, store and dispose of LiPo batteries according to cell-voltage limits.",
            "Carry out a pre-flight inspection from a checklist and decide whether the aircraft is fit to fly.",
            ("Understand the difference between attitude, altitude-hold and position modes and fly basic manoeuvres."),
            "Respond to link loss, low battery and GNSS failure with failsafes and manual control.",
        ],
        "prerequisites": [],
        "overview": [
            {
                "type": "heading",
                "value": {
                    "text": "과정 소개",
                    "size": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>이 과정은 방산 중소·벤처기업의 개발·시험·품질 담당자가 최대이륙중량 25 kg 이하의 소형 "
                    "멀티콥터를 안전하게 다루는 데 필요한 기초를 다룹니다. 온라인 차시에서 비행 원리, 배터리 취급, "
                    "비행 전 점검, 비행 모드와 비상 대응을 학습하고, 집체 실습에서 교육용 기체로 기본 기동을 "
                    "연습한 뒤 실기평가를 받습니다.</p>"
                ),
            },
            {
                "type": "paragraph",
                "value": (
                    "<p><b>수료기준</b></p><ul><li>온라인 차시 진도율 80% 이상</li><li>최종평가 60점 "
                    "이상</li><li>비행 실기평가 60점 이상</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "note",
                    "title": "집체 실습 안내",
                    "text": (
                        "<p>실습 비행은 교육기관이 비행승인을 받은 시험장에서 강사 입회하에 교육용 기체로만 "
                        "진행합니다. 개인 기체와 배터리는 가져오지 마세요. 실습일에는 운동화와 긴소매 복장을 "
                        "권장합니다.</p>"
                    ),
                },
            },
        ],
        "modules": [
            {
                "title": "기체 이해와 비행 준비",
                "title_en": "Understanding the aircraft and preparing to fly",
                "lessons": [
                    {
                        "slug": "multicopter-principles",
                        "title": "멀티콥터 비행 원리와 기체 구성",
                        "title_en": "How a multicopter flies and what it is made of",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "멀티콥터는 어떻게 뜨고 움직이는가",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>멀티콥터는 피치가 고정된 프로펠러 여러 개의 회전 속도를 바꾸어 양력과 "
                                    "자세를 제어합니다. 쿼드콥터에서는 대각선으로 마주 보는 두 모터가 같은 "
                                    "방향으로, 나머지 두 모터가 반대 방향으로 회전해 프로펠러가 만드는 반작용 "
                                    "토크를 서로 상쇄합니다. 조종 입력은 네 가지 축으로 나뉩니다.</p><ul><li><b>스"
                                    "로틀(상승·하강)</b>: 모든 모터의 회전수를 함께 높이거나 "
                                    "낮춥니다.</li><li><b>롤(좌우 기울기)</b>: 왼쪽과 오른쪽 모터의 추력 차이로 "
                                    "기체를 옆으로 기울입니다.</li><li><b>피치(앞뒤 기울기)</b>: 앞쪽과 뒤쪽 "
                                    "모터의 추력 차이로 기수를 숙이거나 듭니다.</li><li><b>요(기수 방향)</b>: 시계 "
                                    "방향 모터 쌍과 반시계 방향 모터 쌍의 회전수를 달리해 반작용 토크의 균형을 "
                                    "깨뜨리고, 그 차이로 기체를 제자리에서 회전시킵니다.</li></ul><p>기체가 기울면 "
                                    "전체 추력 벡터도 기울어 수평 성분이 생기고, 이것이 전진과 측면 이동의 힘이 "
                                    "됩니다. 그만큼 수직 성분은 줄어들기 때문에 기울인 상태에서는 고도가 "
                                    "떨어지려는 경향이 있고, 비행제어기나 조종자가 스로틀을 더해 보상해야 "
                                    "합니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "기체 구성 요소",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "소형 멀티콥터의 주요 구성품",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "구성품",
                                                "역할",
                                                "점검 포인트",
                                            ],
                                            [
                                                "프레임·암",
                                                "모든 부품을 지지하고 진동을 전달",
                                                "암 균열, 접이식 잠금 유격, 볼트 풀림",
                                            ],
                                            [
                                                "BLDC 모터",
                                                "프로펠러 회전",
                                                "베어링 거칠음, 이물질, 비정상 발열",
                                            ],
                                            [
                                                "ESC(전자변속기)",
                                                "비행제어기 신호에 따라 모터 전류 제어",
                                                "방열 상태, 배선 피복 손상",
                                            ],
                                            [
                                                "비행제어기(FC)",
                                                "센서로 자세·위치를 추정하고 모터 출력 계산",
                                                "방진 마운트, 커넥터 체결",
                                            ],
                                            [
                                                "GNSS·컴퍼스",
                                                "위치와 기수 방위 측정",
                                                "전원선·금속 부품과의 이격",
                                            ],
                                            [
                                                "수신기·텔레메트리",
                                                "조종 신호와 데이터 링크",
                                                "안테나 손상과 방향",
                                            ],
                                            [
                                                "LiPo 배터리",
                                                "전원 공급",
                                                "부풀음, 셀 전압 편차, 커넥터 상태",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>비행제어기는 3축 자이로와 3축 가속도계로 이루어진 IMU, 기압계, "
                                    "자력계(컴퍼스), GNSS 수신기의 측정값을 확장 칼만 필터(EKF)로 융합해 "
                                    "자세·속도·위치를 추정합니다. 자이로는 짧은 시간 동안 정확하지만 시간이 지나면 "
                                    "오차가 누적(드리프트)되고, GNSS는 갱신이 느리고 수 m의 오차가 있지만 장시간 "
                                    "안정적입니다. 두 성질을 보완하는 것이 센서 융합의 핵심입니다.</p><p>프레임 "
                                    "진동이 커지면 가속도계 측정값이 오염되어 고도 추정이 흔들리고, 위치 유지 중 "
                                    "기체가 갑자기 상승하거나 하강하는 증상이 나타납니다. 프로펠러 균형과 "
                                    "비행제어기 방진 마운트 상태가 비행 품질에 직접 영향을 주는 이유입니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "추력 대 중량비",
                                    "text": (
                                        "<p>소형 멀티콥터는 보통 전체 최대 추력이 이륙중량의 약 2배가 되도록 "
                                        "설계합니다(추력 대 중량비 2:1). 이 여유가 있어야 돌풍에 대응하고 자세를 "
                                        "빠르게 바로잡을 수 있습니다. 카메라나 임무장비를 추가하면 여유가 줄어 "
                                        "호버링 스로틀이 높아지고 비행시간이 짧아지므로, 탑재물을 바꿀 때마다 "
                                        "호버링 스로틀 값을 확인하세요.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "lipo-battery",
                        "title": "LiPo 배터리 취급과 보관",
                        "title_en": "Handling and storing LiPo batteries",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "LiPo 배터리 사양 읽기",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>리튬폴리머(LiPo) 배터리 셀의 공칭 전압은 3.7 V, 만충 전압은 4.20 V입니다. "
                                    "셀을 직렬로 연결한 수를 S로 표기하므로 6S 배터리는 공칭 22.2 V, 만충 25.2 "
                                    "V입니다. 용량은 mAh로, 방전 능력은 C 레이트로 표시합니다. 5000 mAh, 20C "
                                    "배터리는 이론상 5 A × 20 = 100 A를 연속 방전할 수 있다는 "
                                    "뜻입니다.</p><p>에너지는 전압과 용량의 곱인 Wh로 나타냅니다. 6S 5000 mAh "
                                    "배터리는 22.2 V × 5 Ah = 111 Wh입니다. 항공 운송 시 100 Wh를 넘는 배터리는 "
                                    "항공사 승인이 필요하고 160 Wh를 넘으면 여객기에 실을 수 없으므로, 출장 전에 "
                                    "반드시 확인해야 합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "LiPo 셀 전압 기준",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "상태",
                                                "셀당 전압",
                                                "6S 팩 전압",
                                            ],
                                            [
                                                "만충",
                                                "4.20 V",
                                                "25.2 V",
                                            ],
                                            [
                                                "보관(스토리지)",
                                                "3.80~3.85 V",
                                                "22.8~23.1 V",
                                            ],
                                            [
                                                "공칭",
                                                "3.70 V",
                                                "22.2 V",
                                            ],
                                            [
                                                "비행 종료 권고(부하 상태)",
                                                "3.50 V",
                                                "21.0 V",
                                            ],
                                            [
                                                "과방전 한계",
                                                "3.00 V",
                                                "18.0 V",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "충전 수칙",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ol><li>반드시 밸런스 충전기를 사용하고, LiPo 모드와 셀 수가 배터리와 "
                                    "일치하는지 확인합니다.</li><li>충전 전류는 특별한 지침이 없으면 1C로 합니다. "
                                    "5000 mAh 배터리는 5 A입니다.</li><li>불연성 바닥이나 LiPo 안전백 안에서 "
                                    "충전하고, 충전 중에는 자리를 비우지 않습니다.</li><li>비행 직후 뜨거운 "
                                    "배터리는 상온으로 식힌 뒤 충전합니다.</li><li>충전 후 셀 간 전압 편차가 0.05 "
                                    "V를 넘으면 주의 대상으로 기록하고, 0.1 V 이상이면 사용을 중지하고 "
                                    "점검합니다.</li></ol>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "보관과 폐기",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>며칠 이상 사용하지 않을 배터리는 충전기의 스토리지 모드로 셀당 3.80~3.85 "
                                    "V에 맞춰 보관합니다. 만충 상태로 오래 두면 내부 열화가 빨라지고 부풀음이 "
                                    "생기기 쉽습니다. 보관은 직사광선을 피한 서늘한 곳(약 15~25 ℃)의 금속 "
                                    "보관함이나 방화 보관함을 이용하고, 배터리마다 번호를 붙여 충전 횟수와 이상 "
                                    "이력을 기록합니다.</p><p>겨울철 0 ℃ 이하에서는 내부저항이 커져 같은 "
                                    "부하에서도 전압 강하가 크게 나타나므로, 비행 전까지 배터리를 보온하고 "
                                    "비행시간을 평소보다 짧게 계획합니다. 수명이 다한 배터리는 전용 방전기로 "
                                    "완전히 방전한 뒤 단자를 절연 테이프로 감싸 지정된 폐기 절차에 따라 "
                                    "처리합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "부풀거나 손상된 배터리",
                                    "text": (
                                        "<p>부풀음, 찍힘, 피복 찢어짐, 달콤한 용제 냄새가 있는 배터리는 즉시 "
                                        "사용을 중지하고 사람이 없는 안전한 곳에 격리하세요. 리튬 배터리 화재는 "
                                        "다량의 물이나 모래로 냉각·질식시키고, 연기에 유독가스가 포함되므로 바람을 "
                                        "등지고 대피한 뒤 119에 신고합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "preflight-checklist",
                        "title": "비행 전 점검 절차",
                        "title_en": "Pre-flight inspection procedure",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "왜 점검표를 쓰는가",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>숙련된 조종자도 기억에만 의존하면 항목을 빠뜨립니다. 항공 분야는 "
                                    "오래전부터 점검표를 소리 내어 읽고 확인하는 방식으로 인적 오류를 줄여 "
                                    "왔습니다. 드론 운용에서도 조종자와 관찰자 두 사람이 한 사람은 읽고 다른 "
                                    "사람은 확인하는 방식(read and do)이 효과적입니다. 점검은 비행 계획 → 현장 → "
                                    "기체 → 배터리 → 시스템 → 이륙 직전의 순서로 진행합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "소형 멀티콥터 비행 전 점검표",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "단계",
                                                "점검 항목",
                                                "판정 기준",
                                            ],
                                            [
                                                "비행 계획",
                                                "공역 확인과 비행승인, 기상(풍속·강수·시정)",
                                                "승인서 지참, 풍속이 기체 운용 한계 이내",
                                            ],
                                            [
                                                "현장",
                                                "이착륙장 주변 장애물, 인원 통제, 전파 간섭원",
                                                "관계자 외 접근 통제, 고압선·철탑과 이격",
                                            ],
                                            [
                                                "기체",
                                                "프로펠러 균열·회전 방향, 모터 유격, 암 잠금, 배선",
                                                "손상·유격 없음, 체결 상태 양호",
                                            ],
                                            [
                                                "배터리",
                                                "만충 전압, 셀 편차, 외관",
                                                "셀 편차 0.05 V 이하, 부풀음 없음",
                                            ],
                                            [
                                                "시스템",
                                                "조종기 배터리·모델, 페일세이프 설정, GNSS 수신, 컴퍼스 상태",
                                                "3D Fix, 위성 8개 이상, HDOP 1.5 이하",
                                            ],
                                            [
                                                "이륙 직전",
                                                "홈 위치 기록, 비행 모드, 주변 인원에 이륙 고지",
                                                "홈 위치 저장 메시지 확인",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>전원은 <b>조종기를 먼저 켜고 기체 배터리를 나중에 연결</b>합니다. 종료할 "
                                    "때는 반대로 기체 전원을 먼저 분리하고 조종기를 끕니다. 기체가 조종 신호 없이 "
                                    "켜지면 수신기가 링크 손실로 판단해 페일세이프가 작동하거나, 예상치 못한 "
                                    "스로틀 값이 들어갈 수 있기 때문입니다.</p><p>배터리를 연결한 뒤에는 기체를 "
                                    "움직이지 말고 자이로 초기화가 끝날 때까지 기다립니다. 지상관제 소프트웨어에 "
                                    "경고 메시지가 있으면 원인을 해결하기 전에는 이륙하지 않습니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "프로펠러는 마지막에",
                                    "text": (
                                        "<p>설정 변경, 캘리브레이션, 모터 시험을 할 때는 반드시 프로펠러를 "
                                        "분리합니다. 시동 전에는 모든 인원이 기체에서 떨어져 있는지 확인하고, 본 "
                                        "교육 실습장에서는 최소 10 m 이상의 이격 거리를 유지합니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "이륙 후 첫 10초",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>이륙 직후 2~3 m 고도에서 잠시 호버링하며 기체가 한쪽으로 흐르지 않는지, "
                                    "진동이나 이상한 소음이 없는지, 조종 입력에 정상적으로 반응하는지 확인합니다. "
                                    "이상이 있으면 임무를 시작하지 말고 즉시 착륙합니다. 위치 모드에서 기체가 점점 "
                                    "커지는 원을 그리며 도는 현상(토일렛 볼)은 컴퍼스 간섭이나 교정 불량의 전형적 "
                                    "증상이므로, 곧바로 고도유지 모드로 전환해 수동으로 착륙합니다.</p>"
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "title": "조종 기본기와 비상 대응",
                "title_en": "Piloting fundamentals and emergencies",
                "lessons": [
                    {
                        "slug": "flight-modes",
                        "title": "비행 모드와 조종기 설정",
                        "title_en": "Flight modes and transmitter setup",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "조종기 모드: Mode 1과 Mode 2",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>조종기의 스틱 배치 방식을 모드라고 합니다. 국내 교육과 국가자격 "
                                    "실기시험에서는 대부분 <b>Mode 2</b>를 사용합니다. Mode 2에서는 왼쪽 스틱이 "
                                    "스로틀과 요, 오른쪽 스틱이 피치와 롤을 담당합니다. Mode 1은 왼쪽 스틱이 "
                                    "피치와 요, 오른쪽 스틱이 스로틀과 롤입니다. 한 가지 모드로 꾸준히 연습하는 "
                                    "것이 중요하며, 기관의 교육용 조종기는 모두 Mode 2로 설정되어 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "Mode 2 스틱 배치",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "스틱",
                                                "위·아래",
                                                "좌·우",
                                            ],
                                            [
                                                "왼쪽",
                                                "스로틀(상승·하강)",
                                                "요(기수 좌·우 회전)",
                                            ],
                                            [
                                                "오른쪽",
                                                "피치(전진·후진)",
                                                "롤(좌·우 이동)",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "자세 모드와 위치 모드",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "주요 비행 모드 비교",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "구분",
                                                "PX4",
                                                "ArduPilot",
                                                "특징",
                                            ],
                                            [
                                                "자세 안정",
                                                "Stabilized",
                                                "Stabilize",
                                                "스틱 중립 시 수평 유지, 고도·위치 유지 없음",
                                            ],
                                            [
                                                "고도 유지",
                                                "Altitude",
                                                "AltHold",
                                                "기압계로 고도 유지, 수평 위치는 바람에 흐름",
                                            ],
                                            [
                                                "위치 유지",
                                                "Position",
                                                "Loiter",
                                                "GNSS로 위치 유지, 스틱을 놓으면 제자리 정지",
                                            ],
                                            [
                                                "귀환",
                                                "Return",
                                                "RTL",
                                                "설정 고도로 상승 후 이륙 지점으로 복귀해 착륙",
                                            ],
                                            [
                                                "자동 임무",
                                                "Mission",
                                                "Auto",
                                                "미리 계획한 웨이포인트 경로 비행",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>초보자는 위치 모드로 시작하는 것이 편하지만, GNSS 수신이 나빠지거나 컴퍼스 "
                                    "오류가 생기면 위치 모드를 쓸 수 없습니다. 이때는 고도유지 모드나 자세 모드로 "
                                    "전환해 조종자가 직접 바람을 보정하며 착륙해야 하므로, <b>고도유지 모드에서 "
                                    "호버링과 착륙을 할 수 있어야 기초 과정을 마쳤다고 할 수 "
                                    "있습니다.</b></p><p>모드 스위치는 3단 스위치 하나에 자세(또는 "
                                    "고도유지)·위치·귀환을 배치하거나, 귀환을 별도 스위치에 두는 방식이 흔합니다. "
                                    "비상정지(킬) 스위치는 실수로 건드리지 않도록 보호 덮개가 있는 위치에 두고, "
                                    "비행 전마다 스위치 위치가 지상관제 화면의 모드 표시와 일치하는지 확인합니다. "
                                    "조종기 트림은 0으로 두고, 수신기의 링크 손실 출력은 비행제어기가 손실을 "
                                    "판별할 수 있도록 '출력 없음(no pulses)' 또는 기관이 정한 값으로 "
                                    "설정합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "시동(Arming)과 시동 해제",
                                    "text": (
                                        "<p>PX4와 ArduPilot 모두 Mode 2 기준으로 <b>스로틀 최저 + 요 오른쪽</b>을 "
                                        "잠시 유지하면 시동이 걸리고, <b>스로틀 최저 + 요 왼쪽</b>으로 시동을 "
                                        "해제합니다. 별도의 시동 스위치를 쓰도록 설정할 수도 있습니다. 착륙 후 "
                                        "일정 시간 스로틀이 최저이면 자동으로 시동이 해제되며(PX4 COM_DISARM_LAND, "
                                        "ArduPilot DISARM_DELAY), 시동 중에는 절대로 기체에 다가가지 않습니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "basic-maneuvers",
                        "title": "기본 비행 기동 연습",
                        "title_en": "Practising basic manoeuvres",
                        "study_minutes": 40,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "호버링: 모든 기동의 기본",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>정지 비행(호버링)은 모든 기동의 출발점입니다. 3 m 고도에서 기수를 전방으로 "
                                    "두고 앞뒤·좌우 1 m 이내, 고도 ±0.5 m 이내로 10초 이상 유지하는 것을 목표로 "
                                    "합니다. 입력은 작고 부드럽게 하고, 기체가 흐르기 시작하는 방향을 먼저 읽어 "
                                    "반대 방향으로 미리 보정합니다.</p><p>기수가 조종자 쪽을 향하는 대면 "
                                    "호버링(nose-in)에서는 좌우와 앞뒤 조작이 조종자 시점과 반대로 느껴집니다. "
                                    "정면, 좌측면, 우측면, 대면의 네 방향 호버링을 모두 연습해야 어떤 방향에서도 "
                                    "기체를 되돌릴 수 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "훈련 기동",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "기본 훈련 기동과 평가 착안점",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "기동",
                                                "방법",
                                                "평가 착안점",
                                            ],
                                            [
                                                "이착륙",
                                                "수직 이륙 후 3 m에서 5초 호버링, 수직 착륙",
                                                "수직 유지, 착륙 충격, 착륙 지점 정확도",
                                            ],
                                            [
                                                "전후진·좌우 이동",
                                                "10 m 구간을 일정한 속도로 이동",
                                                "고도와 기수 방향 유지",
                                            ],
                                            [
                                                "사각 비행",
                                                "한 변 10 m 정사각형, 모서리마다 정지",
                                                "경로 이탈 거리, 정지 정확도",
                                            ],
                                            [
                                                "원주 비행",
                                                "반경 5~10 m 원, 기수는 진행 방향",
                                                "반경·고도 일정, 요와 롤의 협조",
                                            ],
                                            [
                                                "8자 비행",
                                                "두 원을 이어 교차점을 중앙으로 통과",
                                                "좌우 대칭, 속도 일정",
                                            ],
                                            [
                                                "비상 조작",
                                                "GNSS 상실을 가정하고 고도유지 모드로 착륙",
                                                "침착성, 착륙 지점 판단",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>국가자격 실기시험도 정지 호버링, 전후진, 삼각·원주 비행, 비상 조작, 측풍 "
                                    "접근과 착륙처럼 이와 비슷한 기동을 평가합니다. 실기체 연습 전에는 조종기를 "
                                    "PC에 연결하는 시뮬레이터로 하루 20~30분씩 손의 감각을 익히는 것이 "
                                    "효율적입니다.</p><p>비행 중 조종자의 눈은 기체에 두고, 지상관제 화면의 "
                                    "배터리·고도 정보는 관찰자가 읽어 알려 주는 방식으로 역할을 나눕니다. 착륙 "
                                    "직전 회전면 지름 정도 이하의 높이에서는 지면효과로 추력이 늘어나 기체가 살짝 "
                                    "떠오르거나 흔들리므로, 스로틀을 천천히 줄이며 내려앉습니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "바람 보정",
                                    "text": (
                                        "<p>측풍 속에서 제자리에 머물려면 기체를 바람이 불어오는 쪽으로 약간 "
                                        "기울인 상태를 유지해야 합니다. 이륙 전 깃발이나 휴대용 풍속계로 바람 "
                                        "방향을 확인하고, 가능하면 바람을 안고 이착륙합니다. 상공의 바람은 "
                                        "지상보다 강한 경우가 많으므로 고도를 올릴 때마다 흐름을 다시 "
                                        "확인하세요.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>비행을 마치면 시동 해제를 확인한 뒤 배터리를 분리하고, 모터와 배터리 "
                                    "온도를 손등으로 확인합니다. 비행일지에는 날짜, 기체 번호, 배터리 번호, "
                                    "비행시간, 수행 기동, 특이사항을 기록합니다. 이 기록은 개인 비행경력 증빙과 "
                                    "기체 정비 주기 관리에 모두 쓰입니다.</p>"
                                ),
                            },
                        ],
                    },
                    {
                        "slug": "failsafe-emergency",
                        "title": "비상 상황 대응과 페일세이프",
                        "title_en": "Emergencies and failsafes",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "페일세이프란",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>페일세이프는 조종 링크 손실, 배터리 저전압, GNSS 상실, 지오펜스 이탈 같은 "
                                    "상황에서 비행제어기가 미리 정해 둔 동작을 자동으로 수행하는 기능입니다. "
                                    "대표적인 동작은 제자리 정지(PX4 Hold, ArduPilot Loiter), 귀환(Return/RTL), "
                                    "즉시 착륙(Land)입니다. 어떤 동작이 안전한지는 비행 장소에 따라 다르므로, 비행 "
                                    "전 브리핑에서 각 페일세이프의 설정을 확인하고 조종자와 관찰자가 공유해야 "
                                    "합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "상황별 페일세이프와 조종자 조치",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "상황",
                                                "흔한 자동 동작",
                                                "조종자 조치",
                                            ],
                                            [
                                                "조종 링크 손실",
                                                "짧은 판정 시간 후 귀환(RTL)",
                                                "링크가 회복되면 모드 스위치를 다시 조작해 제어 회수",
                                            ],
                                            [
                                                "배터리 저전압",
                                                "경고 후 귀환 또는 착륙",
                                                "임무를 중단하고 즉시 귀환",
                                            ],
                                            [
                                                "GNSS 상실",
                                                "위치 모드 불가, 고도유지 동작으로 전환",
                                                "수동으로 바람을 보정하며 착륙",
                                            ],
                                            [
                                                "지오펜스 이탈",
                                                "경고, 정지 또는 귀환",
                                                "원인 확인 후 경계 안쪽으로 복귀",
                                            ],
                                            [
                                                "모터·프로펠러 이상",
                                                "급격한 요 회전, 고도 상실",
                                                "사람이 없는 방향으로 착륙 시도",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "귀환(RTL) 고도 설정의 함정",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>귀환 모드는 설정된 고도까지 상승한 뒤 이륙 지점(홈)을 향해 직선으로 "
                                    "비행하고 착륙합니다. 귀환 고도가 주변 건물, 나무, 철탑보다 낮으면 복귀 중 "
                                    "충돌할 수 있습니다. 기본값은 PX4의 RTL_RETURN_ALT가 60 m, ArduPilot의 "
                                    "RTL_ALT가 1500 cm(15 m)로 서로 다르므로, 사용하는 기체의 값을 반드시 "
                                    "확인합니다. 홈 위치는 보통 시동 시점의 위치로 저장되므로, 시동 후 기체를 "
                                    "옮기거나 GNSS가 안정되기 전에 시동하면 엉뚱한 곳으로 귀환할 수 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "플라이어웨이(통제 이탈) 대응",
                                    "text": (
                                        "<p>기체가 조종 입력과 무관하게 한 방향으로 흘러가면 먼저 <b>고도유지 "
                                        "모드나 자세 모드로 전환</b>해 GNSS·컴퍼스 의존을 끊고 수동으로 "
                                        "되돌립니다. 원인이 GNSS나 컴퍼스라면 귀환 모드도 같은 오류를 따르므로 "
                                        "도움이 되지 않습니다. 끝내 제어할 수 없다면 사람이 없는 곳 상공에서 "
                                        "비상정지를 최후 수단으로 사용합니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>사고나 비상착륙 후에는 다음 순서로 조치합니다.</p><ol><li>인명 피해가 "
                                    "있으면 구호와 119 신고를 가장 먼저 합니다.</li><li>시동 해제를 확인하고 "
                                    "배터리를 분리합니다. 충격을 받은 배터리는 부풀음이나 발열이 없는지 관찰하며 "
                                    "격리합니다.</li><li>현장 사진을 찍고 기체와 부품의 위치를 "
                                    "보존합니다.</li><li>비행제어기 로그와 지상관제 로그를 즉시 "
                                    "백업합니다.</li><li>기관 보고 절차와 항공안전법상 사고 보고 의무를 "
                                    "확인합니다(항공법규 과정에서 자세히 다룹니다).</li></ol>"
                                ),
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "drone-maintenance-practice",
        "institute": "dcti",
        "title": "군용드론 정비 실무",
        "title_en": "Military Drone Maintenance Practice",
        "summary": (
            "정비 단계와 기록 관리, 기체·프로펠러·모터·배선 점검, 센서 교정, 정비 후 시험비행과 로그 분석까지 소형 "
            "군용드론 정비의 전 과정을 실습 중심으로 다룹니다."
        ),
        "summary_en": (
            "A hands-on course covering maintenance levels and records, airframe, propeller, motor and wiring "
            "inspection, sensor calibration, and post-maintenance test flights with log analysis."
        ),
        "category": "maintenance",
        "level": "intermediate",
        "study_hours": 4,
        "delivery_mode": "onsite",
        "enrolment_policy": "approval",
        "outcomes": [
            "부대정비·야전정비·창정비의 구분을 이해하고 정비 기록을 추적 가능하게 작성할 수 있다.",
            "프레임, 프로펠러, 모터, ESC, 배선의 결함을 판정 기준에 따라 식별하고 조치할 수 있다.",
            "가속도계와 컴퍼스 등 센서를 올바른 절차와 환경에서 교정할 수 있다.",
            "정비 후 시험비행을 계획하고 진동·모터 출력·배터리 로그로 정비 결과를 판정할 수 있다.",
        ],
        "outcomes_en": [
            "Distinguish unit, field and depot maintenance and keep traceable maintenance records.",
            (
                "Identify and correct defects in frames, propellers, motors, ESCs and wiring against acceptance "
                "criteria."
            ),
            "Calibrate sensors such as the accelerometer and compass with the right procedure and environment.",
            "Plan a post-maintenance test flight and judge the work from vibration, motor output and battery logs.",
        ],
        "prerequisites": [
            "drone-piloting-basics",
        ],
        "overview": [
            {
                "type": "heading",
                "value": {
                    "text": "과정 소개",
                    "size": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>이 과정은 소형 군용드론을 개발·납품하거나 후속 정비를 지원하는 기업의 정비 담당자를 위한 "
                    "집체교육입니다. 정비 실습실에서 교육용 쿼드콥터를 직접 분해·점검·교정하고, 정비 후 시험비행 "
                    "로그를 분석해 운용 복귀 여부를 판정하는 과정까지 실습합니다.</p><p>선수과정인 <b>소형 "
                    "군용드론 조종 기초</b>를 수료해야 수강신청할 수 있으며, 소속 기업 인사담당자의 추천을 받아 "
                    "기관 관리자가 승인합니다.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "차시 구성과 실습 장비",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "단원",
                                "실습 내용",
                                "사용 장비",
                            ],
                            [
                                "정비 체계와 문서",
                                "정비 기록 작성, 기체 구조·프로펠러 점검",
                                "이력카드 양식, 프로펠러 밸런서",
                            ],
                            [
                                "추진계통과 전장계통",
                                "모터·ESC 점검, 납땜 접합 검사",
                                "멀티미터, 인두, 열화상 카메라",
                            ],
                            [
                                "교정과 시험",
                                "센서 교정, 시험비행, 로그 분석",
                                "QGroundControl, Mission Planner, 분석용 PC",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "warning",
                    "title": "실습실 안전 수칙",
                    "text": (
                        "<p>정비 작업 중에는 배터리를 분리하고 프로펠러를 떼어 둡니다. 전자 부품을 만질 때는 "
                        "정전기 방지 손목띠를 착용하고, 인두 작업 시 보안경과 환기 장치를 사용합니다.</p>"
                    ),
                },
            },
        ],
        "modules": [
            {
                "title": "정비 체계와 기체 점검",
                "title_en": "Maintenance system and airframe inspection",
                "lessons": [
                    {
                        "slug": "maintenance-levels",
                        "title": "정비 단계와 정비 기록 관리",
                        "title_en": "Maintenance levels and record keeping",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "군 정비 단계의 이해",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>우리 군은 정비를 수행 능력과 장소에 따라 <b>부대정비, 야전정비, "
                                    "창정비</b>의 세 단계로 구분합니다. 장비를 운용하는 부대가 일상적인 점검과 "
                                    "간단한 교환을 하고, 전문 정비부대가 고장 탐구와 구성품 수리를 맡으며, 창 "
                                    "수준에서 완전 분해와 재생을 수행하는 구조입니다. 드론을 납품하는 기업은 "
                                    "후속군수지원(ILS) 계획에 따라 정비 교범, 수리부속 목록, 고장 탐구 절차를 "
                                    "제공하고, 야전정비나 창정비를 직접 지원하기도 합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "정비 단계별 주체와 작업",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "단계",
                                                "주체",
                                                "대표 작업",
                                            ],
                                            [
                                                "부대정비",
                                                "운용부대",
                                                (
                                                    "비행 전·후 점검, 청소, 조정, 프로펠러·배터리 등 소모품 교환, "
                                                    "구성품(LRU) 교체"
                                                ),
                                            ],
                                            [
                                                "야전정비",
                                                "정비부대 또는 지원업체",
                                                "고장 탐구, 구성품 수리, 교정, 정기점검",
                                            ],
                                            [
                                                "창정비",
                                                "정비창 또는 제작사",
                                                "완전 분해, 재생(오버홀), 개조, 성능 복원 시험",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "점검 주기 설정",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>점검은 시점에 따라 비행 전·후 점검, 누적 비행시간 기준 정기점검(예: "
                                    "25·50·100시간), 달력 기준 점검, 그리고 경착륙·추락·침수처럼 특정 사건 뒤에 "
                                    "하는 특별점검으로 나뉩니다. 초기 주기는 제조사 권고를 따르고, 운용 중 수집한 "
                                    "결함 데이터로 주기를 늘리거나 줄입니다. 같은 부품이 반복적으로 조기 고장 나면 "
                                    "주기만 줄이지 말고 설계나 운용 조건의 원인을 찾아야 합니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "정비 기록",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>정비 기록은 기체별 이력카드를 중심으로 다음 정보를 "
                                    "남깁니다.</p><ul><li>기체 일련번호, 누적 비행시간, 비행 횟수</li><li>교체 "
                                    "부품의 품명, 부품번호, 일련번호 또는 로트 번호</li><li>배터리별 충전 사이클 "
                                    "수와 셀 편차 이력</li><li>작업 내용, 사용 교범의 항목, 사용 공구와 그 교정 "
                                    "유효기간</li><li>작업자와 검사자 서명(작업자와 검사자는 다른 "
                                    "사람)</li></ul><p>종이 기록은 분실과 누락이 잦으므로 가능하면 전산화하고, "
                                    "비행제어기 로그의 비행시간과 이력카드의 누적 시간을 정기적으로 대조합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "추적성과 위조 부품",
                                    "text": (
                                        "<p>부품 교체 시 로트·일련번호를 기록해야 특정 로트에 결함이 발견되었을 때 "
                                        "영향을 받는 기체를 즉시 찾아낼 수 있습니다. 수리부속은 인가된 "
                                        "공급원에서만 구매하고, 포장·표기가 평소와 다른 부품은 사용하지 말고 품질 "
                                        "담당자에게 알립니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "airframe-inspection",
                        "title": "기체 구조와 프로펠러 점검",
                        "title_en": "Airframe and propeller inspection",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "프레임과 암 점검",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>소형 군용드론의 프레임은 대부분 탄소섬유 강화 플라스틱(CFRP)으로 만듭니다. "
                                    "CFRP는 가볍고 강하지만 충격을 받으면 겉보기에 멀쩡해도 내부 층이 분리(층간 "
                                    "분리)될 수 있습니다. 점검할 때는 밝은 조명 아래서 균열, 가장자리 해짐, 구멍 "
                                    "주변 갈라짐을 보고, 동전 등으로 가볍게 두드려 소리가 둔탁하게 바뀌는 부분이 "
                                    "없는지 확인합니다(두드림 검사).</p><p>접이식 암은 잠금장치를 채운 상태에서 "
                                    "위아래로 흔들어 유격을 확인합니다. 금속 나사가 금속 너트나 인서트에 체결되는 "
                                    "곳은 중강도 나사 고정제를 쓰고 교범의 토크 값을 지키되, 플라스틱 부품에는 "
                                    "나사 고정제가 균열을 일으킬 수 있으므로 사용하지 않습니다. 랜딩기어와 배터리 "
                                    "거치대의 균열, 케이블 타이 끊어짐도 함께 봅니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "프로펠러 점검과 교체 기준",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "프로펠러 결함 판정",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "결함",
                                                "판정",
                                                "조치",
                                            ],
                                            [
                                                "앞전(리딩에지) 찍힘·깨짐",
                                                "크기와 관계없이 사용 불가",
                                                "교체",
                                            ],
                                            [
                                                "블레이드 또는 허브 균열",
                                                "사용 불가",
                                                "교체",
                                            ],
                                            [
                                                "휨·비틀림 변형",
                                                "사용 불가",
                                                "교체",
                                            ],
                                            [
                                                "경미한 표면 긁힘",
                                                "균형 확인 필요",
                                                "밸런서로 확인 후 사용 또는 교체",
                                            ],
                                            [
                                                "고정 너트·퀵릴리즈 마모",
                                                "체결력 저하",
                                                "해당 부품 교체",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>프로펠러는 회전 방향(CW·CCW)이 정해져 있으므로 표기를 확인해 올바른 모터에 "
                                    "장착합니다. 교체는 가능한 한 같은 로트의 세트 단위로 하고, 새 프로펠러도 정적 "
                                    "밸런서로 균형을 확인합니다. 무거운 쪽 블레이드의 뒷면을 고운 사포로 조금씩 "
                                    "갈아 균형을 맞추며, 앞전과 끝단은 건드리지 않습니다.</p><p>불균형 프로펠러는 "
                                    "진동을 일으켜 IMU 측정값을 오염시키고, 자세·고도 추정 품질을 떨어뜨리며, 모터 "
                                    "베어링 마모를 앞당깁니다. 비행제어기 방진 마운트의 고무가 딱딱해졌거나 "
                                    "찢어졌다면 함께 교체합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "손상 프로펠러 수리 금지",
                                    "text": (
                                        "<p>깨지거나 금이 간 프로펠러를 접착제나 테이프로 수리해 쓰면 고속 회전 중 "
                                        "파손되어 사람을 다치게 할 수 있습니다. 손상된 프로펠러는 절단 표시를 해 "
                                        "재사용을 막고 폐기합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "추진계통과 전장계통",
                "title_en": "Propulsion and electrical systems",
                "lessons": [
                    {
                        "slug": "motor-esc",
                        "title": "모터와 ESC 점검",
                        "title_en": "Motor and ESC inspection",
                        "study_minutes": 35,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "BLDC 모터의 구조와 사양",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>소형 드론은 회전자(벨)가 고정자 바깥을 도는 아웃러너형 브러시리스(BLDC) "
                                    "모터를 사용합니다. 모터 사양의 <b>KV</b>는 무부하 상태에서 1 V당 분당 "
                                    "회전수를 뜻합니다. 400 KV 모터에 6S(22.2 V)를 걸면 무부하 회전수는 약 400 × "
                                    "22.2 = 8,880 rpm입니다. 2212, 4114 같은 숫자는 고정자 지름과 높이(mm)를 "
                                    "나타냅니다. 모터의 세 상 배선 중 아무 두 선을 바꾸면 회전 방향이 반대로 "
                                    "바뀝니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "모터 점검 항목",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "항목",
                                                "방법",
                                                "이상 징후",
                                            ],
                                            [
                                                "베어링",
                                                "손으로 천천히 돌리고 축 방향으로 당겨 봄",
                                                "거칠음, 걸림, 유격, 소음",
                                            ],
                                            [
                                                "자석·벨",
                                                "육안 확인",
                                                "자석 이탈·균열, 벨과 고정자가 스친 자국",
                                            ],
                                            [
                                                "권선",
                                                "육안과 냄새",
                                                "에나멜 변색, 탄 냄새(과열 흔적)",
                                            ],
                                            [
                                                "축·고정 클립",
                                                "육안 확인",
                                                "축 휨, 클립 이탈",
                                            ],
                                            [
                                                "마운트 볼트",
                                                "공구로 체결 확인",
                                                "풀림, 너무 긴 볼트로 인한 권선 손상",
                                            ],
                                            [
                                                "온도",
                                                "비행 직후 측정",
                                                "모터 간 온도 차이가 큼",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "ESC 점검",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>ESC는 비행제어기의 명령에 따라 모터의 세 상에 전류를 순서대로 흘려 "
                                    "회전시킵니다. 명령 프로토콜은 아날로그 PWM, OneShot, 디지털 방식의 DShot 등이 "
                                    "있습니다. 아날로그 PWM ESC는 스로틀 범위 교정이 필요하지만, DShot은 디지털 "
                                    "값으로 전달되므로 교정이 필요 없고 회전수 등 텔레메트리를 되돌려 받을 수 "
                                    "있습니다.</p><p>점검 시에는 방열판과 열수축 피복의 변색, 전해 콘덴서의 "
                                    "부풀음, 전원선 납땜부의 균열을 확인합니다. 그다음 프로펠러를 모두 분리한 "
                                    "상태에서 지상관제 소프트웨어의 모터 시험 기능(QGroundControl의 Vehicle Setup "
                                    "&gt; Motors, Mission Planner의 Motor Test)으로 모터 순서와 회전 방향이 기체 "
                                    "프레임 도면과 일치하는지 확인합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "모터 시험 시 프로펠러 분리",
                                    "text": (
                                        "<p>모터 시험 기능은 안전 스위치와 시동 조건을 우회하는 경우가 많습니다. "
                                        "프로펠러를 단 채 모터 시험을 하다가 발생한 손가락 절단 사고가 실제로 "
                                        "보고되고 있습니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>모터 출력 로그도 유용한 진단 자료입니다. ArduPilot 로그의 RCOU 메시지나 "
                                    "PX4의 actuator_outputs 토픽에서 네 모터의 출력 값을 비교했을 때 특정 모터만 "
                                    "계속 높다면, 무게중심이 그쪽으로 치우쳤거나, 해당 모터·프로펠러의 효율이 "
                                    "떨어졌거나, 프레임이 뒤틀려 모터 축이 기울었을 가능성이 있습니다. 출력이 "
                                    "최대값에 붙어 있는 구간(포화)이 있다면 추력 여유가 부족하다는 뜻입니다.</p>"
                                ),
                            },
                        ],
                    },
                    {
                        "slug": "wiring-connectors",
                        "title": "배선·커넥터와 납땜 품질",
                        "title_en": "Wiring, connectors and solder quality",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "전원 계통 구성",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>전원은 배터리 → 전원 모듈(전압·전류 측정) → 전원 분배 보드(PDB) → ESC "
                                    "순서로 흐르고, 비행제어기와 수신기는 별도의 5 V 레귤레이터(BEC)로 "
                                    "공급받습니다. 고전류 구간의 커넥터는 정격 전류에 여유가 있어야 하며, 커넥터가 "
                                    "낡으면 접촉저항이 커져 발열과 전압 강하가 생깁니다. 전선 굵기는 AWG로 "
                                    "표기하며 숫자가 작을수록 굵습니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "대표적인 고전류 커넥터(제조사 연속 정격 기준)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "커넥터",
                                                "연속 정격 전류",
                                                "주 용도",
                                            ],
                                            [
                                                "XT30",
                                                "30 A",
                                                "소형 기체, 보조 전원",
                                            ],
                                            [
                                                "XT60",
                                                "60 A",
                                                "중형 기체 배터리",
                                            ],
                                            [
                                                "XT90",
                                                "90 A",
                                                "대형 기체 배터리",
                                            ],
                                            [
                                                "AS150",
                                                "150 A",
                                                "대형 기체, 불꽃 방지(안티스파크) 기능",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "납땜 접합 검사",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>좋은 납땜 접합은 표면이 매끄럽고, 납이 모재를 충분히 적셔 오목한 필렛을 "
                                    "이루며, 전선의 모든 가닥이 납에 덮여 있습니다(무연 납은 유연 납보다 광택이 "
                                    "약간 덜합니다). 대표적인 불량은 다음과 같습니다.</p><ul><li><b>냉납</b>: "
                                    "회색빛이 돌고 거칠며 공처럼 뭉친 형태, 접촉 불량의 주원인</li><li><b>브리지</b"
                                    ">: 인접한 패드가 납으로 이어진 상태</li><li><b>과열</b>: 피복이 녹거나 "
                                    "수축하고 패드가 들뜬 상태</li><li><b>삐져나온 가닥</b>: 옆 단자와 단락 "
                                    "위험</li><li><b>납 타고 오름(위킹)</b>: 납이 전선 속으로 스며 굳어 진동에 "
                                    "쉽게 끊어짐</li></ul><p>전자조립품의 허용 기준으로 널리 쓰이는 IPC-A-610과 "
                                    "납땜 공정 표준 IPC J-STD-001은 신뢰성이 중요한 군용·항공 제품에 가장 엄격한 "
                                    "Class 3를 적용합니다. 납땜부는 열수축 튜브로 절연하고, 접합부 바로 뒤에서 "
                                    "전선이 꺾이지 않도록 고정(스트레인 릴리프)합니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "신호선과 노이즈",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>GNSS·컴퍼스 모듈은 고전류 전원선과 ESC에서 최대한 떨어뜨려 설치합니다. "
                                    "배터리 +선과 −선을 꼬아 배선하면 전류가 만드는 자기장이 서로 상쇄되어 컴퍼스 "
                                    "간섭이 줄어듭니다. 신호선에는 잠금 기능이 있는 커넥터(예: JST-GH)를 쓰고, "
                                    "프레임 모서리와 닿는 부분은 보호 튜브로 감싸 진동에 의한 마찰 손상을 "
                                    "막습니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "text",
                                    "code": (
                                        "전원 인가 전 멀티미터 점검 순서\n"
                                        "1. 배터리를 분리한 상태에서 전원 입력 +/- 단자 사이 저항을 측정한다.\n"
                                        "   - 콘덴서 충전으로 값이 서서히 올라가면 정상, 0 Ω 부근에서 머물면 "
                                        "단락을 의심한다.\n"
                                        "2. 각 ESC 전원 입력단의 극성을 확인한다(+ 빨강, - 검정 표기와 실제 연결 "
                                        "일치).\n"
                                        "3. 첫 전원 인가는 퓨즈형 보호 장치(스모크 스토퍼)를 거쳐 수행한다.\n"
                                        "4. 전원 인가 후 BEC 출력이 5.0~5.3 V인지 측정한다.\n"
                                        "5. 전원 모듈 전압 표시값과 멀티미터 측정값의 차이가 0.1 V 이내인지 "
                                        "확인한다."
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "정전기(ESD) 관리",
                                    "text": (
                                        "<p>비행제어기와 센서 모듈은 정전기에 약합니다. 접지된 작업 매트와 "
                                        "손목띠를 사용하고, 보관·운반 시에는 대전 방지 봉투에 넣습니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "교정과 시험",
                "title_en": "Calibration and testing",
                "lessons": [
                    {
                        "slug": "sensor-calibration",
                        "title": "센서 교정",
                        "title_en": "Sensor calibration",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "교정이 필요한 센서",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>비행제어기를 교체하거나 다시 장착했을 때, 부품 배치를 바꾸었을 때, 자세나 "
                                    "방위 오차가 의심될 때는 센서를 교정해야 합니다. 가속도계는 수평 기준과 축별 "
                                    "오차를, 컴퍼스는 기체 자체가 만드는 자기장 왜곡을 보정합니다. 자이로 "
                                    "바이어스는 전원 인가 시 자동으로 추정하므로 이때 기체를 움직이지 않아야 하고, "
                                    "기압계는 이륙 지점 기압으로 자동 영점을 잡습니다. 이 밖에 조종기 입력 범위(RC "
                                    "교정), 아날로그 ESC의 스로틀 범위, 전원 모듈의 전압·전류 배율도 교정 "
                                    "대상입니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "센서별 교정 시기와 방법",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "센서",
                                                "교정 시기",
                                                "방법 요약",
                                            ],
                                            [
                                                "가속도계",
                                                "FC 교체·재장착 후, 수평 오차 발생 시",
                                                "6방향 자세로 차례로 정지(QGC: Vehicle Setup > Sensors)",
                                            ],
                                            [
                                                "수평 기준(Level)",
                                                "FC가 미세하게 기울어 장착된 경우",
                                                "기체를 수평면에 두고 실행",
                                            ],
                                            [
                                                "컴퍼스",
                                                "최초 설치, 부품 배치 변경, 먼 지역으로 이동",
                                                "모든 축으로 기체를 돌려 데이터 수집",
                                            ],
                                            [
                                                "전압·전류",
                                                "전원 모듈 교체 시",
                                                "멀티미터·충전기 실측값과 비교해 배율 조정",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "컴퍼스 간섭의 이해",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>기체의 자석, 강자성 나사, 배터리 케이스 같은 부품은 일정한 자기장을 더해 "
                                    "측정값을 한쪽으로 치우치게 합니다(하드아이언 오차). 주변 금속은 지구 자기장을 "
                                    "휘게 만들어 방향에 따라 다른 왜곡을 줍니다(소프트아이언 오차). 교정은 이 두 "
                                    "오차를 추정하는 과정이므로, 철근 콘크리트 바닥, 차량, 금속 책상에서 떨어진 "
                                    "야외에서 해야 합니다. 실내에서 교정한 컴퍼스는 야외에서 오히려 오차를 만들 수 "
                                    "있습니다.</p><p>모터 전류가 만드는 자기장은 스로틀에 따라 변하므로 정지 상태 "
                                    "교정으로는 보정되지 않습니다. ArduPilot은 스로틀에 따른 간섭을 측정하는 "
                                    "compassmot 기능을 제공합니다. 교정 후 오프셋 값이 비정상적으로 크면 모듈 "
                                    "위치가 간섭원에 너무 가깝다는 신호입니다. 우리나라는 진북과 자북의 차이(자기 "
                                    "편각)가 약 8~9° 서편이며, 비행제어기는 GNSS 위치로 편각을 자동 적용합니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "text",
                                    "code": (
                                        "# MAVProxy 콘솔에서 ArduPilot 센서 교정\n"
                                        "accelcal            # 가속도계 6방향 교정(안내에 따라 자세를 바꾸고 "
                                        "Enter)\n"
                                        "magcal start        # 온보드 컴퍼스 교정 시작, 기체를 모든 축으로 회전\n"
                                        "magcal accept       # 교정 결과 적용\n"
                                        "param show COMPASS_OFS*   # 교정 후 오프셋 확인\n"
                                        "reboot              # 교정 값 반영을 위해 재부팅"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "교정 후 확인",
                                    "text": (
                                        "<p>교정 후에는 재부팅하고, 지상관제 화면에서 기체를 손으로 돌려 기수 "
                                        "방향이 실제 방향과 일치하는지, 기체를 기울였을 때 수평계가 같은 방향으로 "
                                        "움직이는지 확인합니다. EKF 경고나 컴퍼스 불일치 경고가 남아 있으면 "
                                        "시험비행을 하지 않습니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "post-maintenance-test",
                        "title": "정비 후 시험비행과 로그 분석",
                        "title_en": "Post-maintenance test flight and log analysis",
                        "study_minutes": 40,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "정비 후 기능점검 순서",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ol><li><b>지상 점검</b>: 프로펠러를 분리한 상태에서 모터 순서·방향, 센서 "
                                    "상태, 비행 모드 스위치를 확인하고, 조종기를 꺼서 링크 손실 페일세이프가 "
                                    "설정대로 작동하는지 봅니다.</li><li><b>저고도 호버링</b>: 2~3 m에서 1~2분 "
                                    "호버링하며 진동, 소음, 흐름을 확인합니다.</li><li><b>단계적 기동</b>: 위치 "
                                    "모드에서 전후좌우 이동, 요 회전, 상승·하강을 차례로 수행합니다.</li><li><b>로"
                                    "그 분석</b>: 착륙 후 로그를 내려받아 아래 항목을 판정합니다.</li><li><b>기록과"
                                    " 확인</b>: 결과를 정비 기록에 남기고 검사자 확인을 받아 운용에 "
                                    "복귀시킵니다.</li></ol>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "진동 분석",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>ArduPilot 로그의 VIBE 메시지는 축별 진동 수준(VibeX, VibeY, VibeZ, 단위 "
                                    "m/s²)과 가속도계 포화 횟수(Clip)를 기록합니다. ArduPilot 문서에 따르면 진동이 "
                                    "<b>30 m/s² 이하면 대체로 양호</b>하고, 30을 넘으면 문제가 생길 수 있으며, "
                                    "<b>60을 넘으면 위치·고도 유지에 거의 항상 문제가 생깁니다.</b> Clip 값이 비행 "
                                    "중 증가했다면 가속도계가 측정 범위를 넘을 정도의 충격이나 진동이 있었다는 "
                                    "뜻입니다. PX4에서는 ULog를 Flight Review 도구로 열어 가속도 그래프와 진동 "
                                    "지표를 확인합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "정비 후 로그 판정 항목(ArduPilot 기준)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "항목",
                                                "로그 메시지",
                                                "확인 내용",
                                            ],
                                            [
                                                "진동",
                                                "VIBE",
                                                "VibeX·Y·Z 30 m/s² 이하, Clip 증가 없음",
                                            ],
                                            [
                                                "모터 출력",
                                                "RCOU",
                                                "모터 간 편차, 최대값 포화 여부",
                                            ],
                                            [
                                                "배터리",
                                                "BAT",
                                                "부하 시 전압 강하, 전류, 소모 용량",
                                            ],
                                            [
                                                "자세 추종",
                                                "ATT",
                                                "DesRoll과 Roll, DesPitch와 Pitch의 일치",
                                            ],
                                            [
                                                "GNSS",
                                                "GPS",
                                                "위성 수(NSats), HDop",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>진동이 기준을 넘으면 원인을 좁혀 갑니다. 특정 축만 높다면 그 방향의 프레임 "
                                    "강성이나 마운트를, 세 축이 모두 높다면 프로펠러 균형과 모터 베어링을 먼저 "
                                    "의심합니다. 진동은 프로펠러 회전 주파수와 그 배수에서 크게 나타나므로, 가속도 "
                                    "스펙트럼의 피크 주파수를 호버링 회전수와 비교하면 원인 부품을 찾는 데 도움이 "
                                    "됩니다. 부품을 하나씩 바꾸고 같은 조건으로 다시 비행해 비교하는 것이 가장 "
                                    "확실합니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "python",
                                    "code": (
                                        "from pymavlink import mavutil\n"
                                        "\n"
                                        'log = mavutil.mavlink_connection("00000042.BIN")  # ArduPilot DataFlash '
                                        "로그\n"
                                        'peak = {"VibeX": 0.0, "VibeY": 0.0, "VibeZ": 0.0}\n'
                                        "clips = 0\n"
                                        "while True:\n"
                                        '    msg = log.recv_match(type="VIBE")\n'
                                        "    if msg is None:\n"
                                        "        break\n"
                                        "    fields = msg.to_dict()\n"
                                        "    for axis in peak:\n"
                                        "        peak[axis] = max(peak[axis], fields[axis])\n"
                                        "    # 펌웨어 버전에 따라 Clip 또는 Clip0~Clip2 필드로 기록된다\n"
                                        "    clips = max(clips, sum(v for k, v in fields.items() if "
                                        'k.startswith("Clip")))\n'
                                        "\n"
                                        "for axis, value in peak.items():\n"
                                        '    verdict = "양호" if value <= 30 else "점검 필요"\n'
                                        '    print(f"{axis}: 최대 {value:.1f} m/s^2 ({verdict})")\n'
                                        'print(f"가속도계 포화 누적: {clips}")'
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "운용 복귀 판정",
                                    "text": (
                                        "<p>시험비행 결과는 '진동 기준 충족', '모터 출력 편차 10% 이내'처럼 판정 "
                                        "기준과 실제 값을 함께 기록합니다. 기준을 만족하지 못하면 원인을 조치한 뒤 "
                                        "시험비행을 다시 하며, 검사자가 서명하기 전에는 기체를 운용 부서에 "
                                        "인계하지 않습니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "counter-drone-intro",
        "institute": "usti",
        "title": "대드론 체계 개론",
        "title_en": "Introduction to Counter-Drone Systems",
        "summary": (
            "소형 드론 위협의 특성과 대드론 체계의 구성, 레이더·RF·EO/IR·음향 탐지 원리, 무력화 수단의 분류와 국내 "
            "법적 쟁점을 공개 자료를 바탕으로 개념 중심으로 학습합니다."
        ),
        "summary_en": (
            "A concept-level introduction, based on public sources, to small-drone threats, the architecture of "
            "counter-drone systems, radar, RF, EO/IR and acoustic detection, mitigation options and Korean legal "
            "issues."
        ),
        "category": "counter_drone",
        "level": "beginner",
        "study_hours": 3,
        "delivery_mode": "online",
        "enrolment_policy": "approval",
        "outcomes": [
            "저고도·저속·소형(LSS) 드론이 탐지하기 어려운 이유와 주요 위협 유형을 설명할 수 있다.",
            "탐지·추적·식별·판단·대응으로 이어지는 대드론 체계의 기능 구성을 설명할 수 있다.",
            "레이더, RF 탐지, EO/IR, 음향 센서의 원리와 장단점을 비교할 수 있다.",
            "소프트킬·하드킬 무력화 수단을 분류하고 전파법 등 국내 법적 제약을 설명할 수 있다.",
        ],
        "outcomes_en": [
            "Explain why low, slow and small (LSS) drones are hard to detect, and the main threat types.",
            "Describe the functional chain of a counter-drone system: detect, track, identify, decide and respond.",
            "Compare the principles, strengths and limits of radar, RF detection, EO/IR and acoustic sensors.",
            (
                "Classify soft-kill and hard-kill mitigation and explain Korean legal constraints such as the "
                "Radio Waves Act."
            ),
        ],
        "prerequisites": [],
        "overview": [
            {
                "type": "heading",
                "value": {
                    "text": "과정 소개",
                    "size": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>소형 상용 드론이 널리 보급되면서 공항, 국가중요시설, 군 기지 주변의 불법 비행이 현실적인 "
                    "안보 문제가 되었습니다. 이 과정은 대드론(C-UAS) 분야에 새로 참여하는 기업의 엔지니어와 기획 "
                    "담당자가 체계 구성, 센서 원리, 대응 수단, 법제도를 한눈에 이해하도록 돕습니다.</p><p>수강신청 "
                    "후 소속 기업 확인을 거쳐 기관 관리자가 승인합니다.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "security",
                    "title": "교육 범위",
                    "text": (
                        "<p>이 과정은 공개된 학술 자료, 언론 보도, 공개 표준만을 바탕으로 개념을 다룹니다. 특정 "
                        "장비의 성능 제원, 운용 전술, 취약점 정보는 다루지 않으며, 업무상 알게 된 그러한 정보를 "
                        "토론 게시판에 올리지 마세요.</p>"
                    ),
                },
            },
        ],
        "modules": [
            {
                "title": "위협과 체계 구성",
                "title_en": "Threats and system architecture",
                "lessons": [
                    {
                        "slug": "threat-landscape",
                        "title": "소형 드론 위협의 이해",
                        "title_en": "Understanding the small-drone threat",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "왜 소형 드론이 위협인가",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>소형 드론은 값이 싸고 구하기 쉬우며, 누구나 짧은 연습으로 조종할 수 "
                                    "있습니다. 동시에 크기가 작고 낮은 고도에서 느리게 날기 때문에 기존 방공 "
                                    "레이더가 새나 지면 반사와 구별하기 어렵습니다. 이러한 특성을 흔히 <b>LSS(Low, "
                                    "Slow, Small)</b> 표적이라고 부릅니다.</p><p>민간 영역의 대표 사례는 2018년 "
                                    "12월 영국 개트윅 공항입니다. 활주로 주변에서 드론이 목격되었다는 신고가 "
                                    "이어지며 약 33시간 동안 운항이 중단되었고, 1,000편 안팎의 항공편이 취소되거나 "
                                    "회항해 14만 명 이상의 승객이 영향을 받았습니다. 국내에서도 2022년 12월 북한 "
                                    "소형 무인기의 영공 침범으로 저고도 소형 무인기 탐지의 어려움이 널리 알려졌고, "
                                    "러시아-우크라이나 전쟁에서는 상용 드론과 FPV 드론이 정찰과 공격에 대량으로 "
                                    "쓰이고 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "NATO의 무인항공기 분류(공개 기준)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "등급",
                                                "최대이륙중량",
                                                "세부 분류와 예",
                                            ],
                                            [
                                                "Class I",
                                                "150 kg 미만",
                                                "Micro(2 kg 미만), Mini(2~20 kg), Small(20 kg 이상)",
                                            ],
                                            [
                                                "Class II",
                                                "150~600 kg",
                                                "전술급 무인기",
                                            ],
                                            [
                                                "Class III",
                                                "600 kg 초과",
                                                "중고도·고고도 장기체공(MALE·HALE) 무인기",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>위협은 목적에 따라 다음과 같이 나눌 수 있습니다.</p><ul><li><b>정찰·촬영</b"
                                    ">: 시설 배치, 경계 태세, 시험 장면 등 정보 수집</li><li><b>운영 방해</b>: "
                                    "공항 운항 중단, 행사 중단처럼 출현 자체로 피해 유발</li><li><b>밀반입·투하</b>"
                                    ": 교정시설 등에 물품을 투하</li><li><b>공격</b>: 폭발물을 탑재하거나 기체 "
                                    "자체를 충돌시키는 군사적 사용</li></ul><p>GNSS 웨이포인트로 자율비행하는 "
                                    "드론은 비행 중 무선 조종 신호를 내보내지 않을 수 있어 RF 기반 탐지와 전파 "
                                    "교란의 효과가 제한됩니다. 여러 대가 동시에 접근하는 군집 비행은 센서와 "
                                    "운용자의 처리 능력을 포화시킵니다. 대드론 체계는 이러한 다양성을 전제로 "
                                    "설계해야 합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "용어 정리",
                                    "text": (
                                        "<p><b>UAS</b>(Unmanned Aircraft System)는 기체뿐 아니라 지상통제장비와 "
                                        "데이터 링크를 포함한 무인항공기 체계 전체를 뜻합니다. 이에 대응하는 "
                                        "체계를 <b>C-UAS</b>(Counter-UAS), 국내에서는 대드론 체계 또는 안티드론 "
                                        "체계라고 부릅니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "cuas-architecture",
                        "title": "대드론 체계의 기능 구성",
                        "title_en": "Functional architecture of counter-drone systems",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "탐지에서 대응까지",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>대드론 체계는 일반적으로 <b>탐지 → 추적 → 식별 → 판단 → 대응</b>의 기능이 "
                                    "이어지고, 사건 후에는 기록을 분석하는 사후 분석 단계가 뒤따릅니다. 어느 한 "
                                    "센서도 모든 조건에서 완벽하지 않기 때문에 실제 체계는 여러 센서를 결합하고, "
                                    "지휘통제(C2) 소프트웨어가 센서 정보를 융합해 하나의 상황도로 운용자에게 보여 "
                                    "줍니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "대드론 체계의 기능 단계",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "단계",
                                                "핵심 질문",
                                                "주요 수단",
                                            ],
                                            [
                                                "탐지",
                                                "무언가 있는가?",
                                                "레이더, RF 탐지기, 음향 센서",
                                            ],
                                            [
                                                "추적",
                                                "어디에서 어디로 움직이는가?",
                                                "레이더 트랙, EO/IR 영상 추적",
                                            ],
                                            [
                                                "식별",
                                                "드론인가? 어떤 기종인가? 허가된 비행인가?",
                                                "EO/IR 영상, RF 신호 특징, 원격식별 정보",
                                            ],
                                            [
                                                "판단",
                                                "위협인가? 대응할 권한이 있는가?",
                                                "위협 평가 기준, 법적 권한, 운용자 판단",
                                            ],
                                            [
                                                "대응",
                                                "어떻게 무력화할 것인가?",
                                                "전파 교란, 포획, 물리적 파괴 등",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>탐지 성능은 <b>탐지 확률(Pd)</b>과 <b>오경보율(FAR)</b>의 균형으로 "
                                    "평가합니다. 감도를 높이면 작은 드론을 더 잘 잡지만 새, 풍선, 날리는 비닐 같은 "
                                    "물체로 인한 오경보도 늘어납니다. 오경보가 잦으면 운용자가 경보를 신뢰하지 "
                                    "않게 되므로, 여러 센서의 정보를 교차 확인해 오경보를 줄이는 것이 센서 융합의 "
                                    "중요한 목적입니다.</p><p>체계의 형태는 고정형(시설 방호), 차량 탑재 이동형, "
                                    "개인 휴대형으로 나뉘며, 먼 거리에서는 넓은 영역 감시, 가까운 거리에서는 정밀 "
                                    "식별과 대응을 맡도록 여러 층을 겹치는 <b>계층 방어</b> 개념이 널리 쓰입니다. "
                                    "체계 성능을 시험할 때는 탐지 거리, 탐지 확률, 오경보율, 탐지부터 대응까지의 "
                                    "반응 시간을 주요 지표로 봅니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "원격식별(Remote ID)",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>원격식별은 드론이 비행 중 식별번호, 위치, 고도, 조종자 위치 등을 무선으로 "
                                    "방송하도록 하는 제도입니다. 미국 연방항공청(FAA)은 2023년부터 대부분의 드론에 "
                                    "원격식별을 의무화했고, 유럽연합도 등급 표시 드론에 유사한 요구를 두었습니다. "
                                    "국가마다 도입 현황은 다릅니다.</p><p>원격식별은 허가된 드론을 빠르게 걸러 "
                                    "내는 <b>협조적 식별</b> 수단이지만, 악의적인 드론은 이 기능을 끄거나 조작할 "
                                    "수 있습니다. 따라서 대드론 체계는 원격식별 신호가 없는 표적도 찾아낼 수 있는 "
                                    "<b>비협조적 탐지</b> 능력을 갖춰야 합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "지휘통제(C2) 소프트웨어의 역할",
                                    "text": (
                                        "<p>C2 소프트웨어는 센서 트랙을 하나로 합치고(트랙 융합), 보호 구역과 "
                                        "표적의 관계를 지도에 표시하며, 운용자의 판단과 대응 조치를 시간 순으로 "
                                        "기록합니다. 이 기록은 사후 분석과 법적 책임 판단의 근거가 되므로 무결성 "
                                        "있게 보존해야 합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "탐지 센서",
                "title_en": "Detection sensors",
                "lessons": [
                    {
                        "slug": "radar-detection",
                        "title": "레이더 탐지 원리",
                        "title_en": "Principles of radar detection",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "레이더의 기본",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>레이더는 전파를 보내고 표적에 반사되어 돌아온 신호를 받아 표적의 거리, "
                                    "방향, 속도를 측정합니다. 거리는 전파의 왕복 시간으로, 속도는 반사파의 "
                                    "주파수가 표적의 접근·이탈에 따라 변하는 도플러 효과로 구합니다. 표적이 전파를 "
                                    "얼마나 잘 반사하는지는 <b>레이더 반사면적(RCS, σ)</b>으로 나타내며, 소형 "
                                    "쿼드콥터의 RCS는 대략 0.01 m² 수준으로 큰 새와 비슷한 크기입니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "text",
                                    "code": (
                                        "거리          R = c × Δt / 2            (c: 빛의 속도, Δt: 왕복 시간)\n"
                                        "도플러 주파수 f_d = 2 × v_r / λ          (v_r: 시선 방향 속도, λ: 파장)\n"
                                        "레이더 방정식 P_r = P_t × G² × λ² × σ / ((4π)³ × R⁴)\n"
                                        "최대 탐지거리 R_max ∝ σ^(1/4)\n"
                                        "\n"
                                        "예) RCS가 1/16로 작아지면 같은 레이더의 탐지거리는 (1/16)^(1/4) = 1/2로 "
                                        "줄어든다."
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>레이더 방정식에서 수신 전력은 거리의 네제곱에 반비례합니다. 그래서 최대 "
                                    "탐지거리는 RCS의 네제곱근에 비례하고, 표적이 작아질수록 탐지거리가 빠르게 "
                                    "줄어듭니다. 대드론 레이더는 작은 표적을 높은 해상도로 보기 위해 주로 X "
                                    "밴드(8~12 GHz)나 Ku 밴드(12~18 GHz)를 사용하며, 넓은 영역을 빠르게 감시하기 "
                                    "위해 전자적으로 빔을 조향하는 능동위상배열(AESA) 방식이 늘고 있습니다. 낮은 "
                                    "고도에서는 지면, 건물, 나무의 반사(클러터)가 표적 신호를 가리므로, 움직이는 "
                                    "표적만 걸러 내는 도플러 처리가 필수입니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "새와 드론의 구별: 마이크로 도플러",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>드론의 몸체는 천천히 움직이거나 제자리에 떠 있어도, 프로펠러 블레이드는 "
                                    "빠르게 회전하며 몸체의 도플러 성분 주위에 주기적인 변조를 만듭니다. 이를 "
                                    "<b>마이크로 도플러</b>라고 하며, 새의 날갯짓이 만드는 느리고 불규칙한 변조와 "
                                    "모양이 달라 분류에 활용됩니다. 호버링하는 드론은 몸체 도플러가 거의 0이어서 "
                                    "정지 클러터와 함께 걸러질 위험이 있는데, 마이크로 도플러 특징이 이런 표적을 "
                                    "살려 내는 단서가 됩니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "dBsm 단위",
                                    "text": (
                                        "<p>RCS는 1 m²를 기준으로 한 데시벨 값(dBsm)으로도 표기합니다. σ(dBsm) = "
                                        "10 × log₁₀(σ / 1 m²)이므로 1 m²는 0 dBsm, 0.01 m²는 −20 dBsm입니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>정리하면 레이더는 주야간·전천후로 작동하고, 거리와 속도를 정밀하게 "
                                    "측정하며, 무선 신호를 내지 않는 자율비행 드론도 탐지할 수 있다는 장점이 "
                                    "있습니다. 반면 소형 표적에 대한 탐지 거리가 제한되고, 새와 클러터로 인한 "
                                    "오경보가 생기며, 전파를 방사하므로 전파법에 따른 주파수 허가가 필요하고 "
                                    "가격이 높다는 한계가 있습니다.</p>"
                                ),
                            },
                        ],
                    },
                    {
                        "slug": "rf-eoir-acoustic",
                        "title": "RF·EO/IR·음향 센서",
                        "title_en": "RF, EO/IR and acoustic sensors",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "RF 탐지",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>RF 탐지기는 스스로 전파를 내지 않고 드론과 조종기 사이의 통신을 수신하는 "
                                    "수동 센서입니다. 상용 드론의 조종·영상 링크는 주로 2.4 GHz와 5.8 GHz ISM "
                                    "대역을 쓰고, 텔레메트리 무선 모뎀은 900 MHz나 433 MHz 대역을 쓰기도 합니다. "
                                    "주파수 도약 패턴, 대역폭, 패킷 주기 같은 신호 특징을 라이브러리와 비교하면 "
                                    "제조사나 기종을 추정할 수 있고, 여러 안테나로 도래각을 측정하면 발신 방향을, "
                                    "여러 지점의 측정을 결합하면 조종기 위치까지 추정할 수 있습니다.</p><p>한계도 "
                                    "분명합니다. 비행 중 송신하지 않는 자율비행 드론은 탐지할 수 없고, 도심처럼 "
                                    "와이파이 신호가 밀집한 곳에서는 오경보가 늘며, 새로운 통신 방식이 나올 때마다 "
                                    "신호 라이브러리를 갱신해야 합니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "EO/IR 센서",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>주간 컬러 카메라(EO)와 열상 카메라(IR)는 표적을 눈으로 확인해 "
                                    "<b>식별</b>하고 증거를 남기는 데 필수입니다. 열상은 상온 물체의 복사가 강한 "
                                    "장파장 적외선(LWIR, 8~14 µm)을 비냉각 마이크로볼로미터로 보거나, 중파장 "
                                    "적외선(MWIR, 3~5 µm)을 냉각형 검출기로 봅니다. 모터와 배터리의 열 덕분에 "
                                    "야간에도 드론을 볼 수 있습니다.</p><p>다만 시야각이 좁아 넓은 하늘을 혼자 "
                                    "탐색하기에는 비효율적이고, 안개·비에 약하며, 구름이나 복잡한 배경에서는 "
                                    "대비가 떨어집니다. 그래서 레이더나 RF 센서가 먼저 표적 위치를 알려 주면 "
                                    "팬틸트 장치로 카메라를 그 방향에 지향하는 방식(큐잉)으로 운용하고, 딥러닝 "
                                    "분류기로 새와 드론을 구별합니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "음향 센서",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>마이크로폰 배열은 프로펠러와 모터가 내는 특징적인 소리의 주파수 성분으로 "
                                    "드론을 탐지하고 방향을 추정합니다. 수동 방식이고 비교적 저렴하지만 탐지 "
                                    "거리가 수백 m 이하로 짧고, 바람과 교통 소음이 많은 환경에 약해 다른 센서를 "
                                    "보완하는 용도로 씁니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "대드론 탐지 센서 비교",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "센서",
                                                "장점",
                                                "한계",
                                            ],
                                            [
                                                "레이더",
                                                "주야간·전천후, 거리·속도 측정, 자율비행 드론 탐지",
                                                "소형 표적 탐지거리 제한, 새·클러터 오경보, 주파수 허가",
                                            ],
                                            [
                                                "RF 탐지",
                                                "수동 방식, 기종 추정, 조종기 위치 추정 가능",
                                                "송신 없는 드론 탐지 불가, 도심 전파 혼잡",
                                            ],
                                            [
                                                "EO(주간 카메라)",
                                                "육안 식별과 증거 확보",
                                                "야간·악천후 약함, 좁은 시야",
                                            ],
                                            [
                                                "IR(열상)",
                                                "야간 탐지, 열원 식별",
                                                "해상도 제한, 열 대비가 작은 시간대 약함",
                                            ],
                                            [
                                                "음향",
                                                "수동, 저가, 설치 간편",
                                                "짧은 거리, 소음 환경 취약",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "센서 큐잉",
                                    "text": (
                                        "<p>넓은 영역을 보는 센서(레이더, RF)가 먼저 탐지하고, 좁지만 정밀한 "
                                        "센서(EO/IR)가 그 정보를 받아 식별하는 구조를 센서 큐잉이라고 합니다. 큐잉 "
                                        "지연 시간과 좌표 정확도가 체계 전체의 반응 속도를 좌우합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "대응과 법제도",
                "title_en": "Mitigation and legal framework",
                "lessons": [
                    {
                        "slug": "mitigation-legal",
                        "title": "무력화 수단의 분류와 법적 쟁점",
                        "title_en": "Mitigation options and legal issues",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "무력화 수단의 분류",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>무력화 수단은 드론을 물리적으로 파괴하지 않고 기능을 잃게 하는 "
                                    "<b>소프트킬</b>과, 물리적으로 포획하거나 파괴하는 <b>하드킬</b>로 나뉩니다. "
                                    "아래 표는 공개 문헌에 나오는 일반적 분류입니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "무력화 수단의 일반적 분류",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "구분",
                                                "수단",
                                                "원리",
                                                "고려사항",
                                            ],
                                            [
                                                "소프트킬",
                                                "RF 재밍",
                                                (
                                                    "조종·영상 링크를 교란해 드론의 링크 손실 "
                                                    "페일세이프(정지·귀환·착륙)를 유발"
                                                ),
                                                "주변 통신 간섭, 자율비행 드론에는 효과 제한",
                                            ],
                                            [
                                                "소프트킬",
                                                "GNSS 재밍",
                                                "위성항법 신호를 교란",
                                                "넓은 범위의 항공기·선박·통신망 시각 동기에 영향",
                                            ],
                                            [
                                                "소프트킬",
                                                "스푸핑·프로토콜 장악",
                                                "가짜 항법·제어 신호로 착륙 유도",
                                                "특정 기종·프로토콜에 한정",
                                            ],
                                            [
                                                "하드킬",
                                                "그물 포획",
                                                "그물을 발사하거나 그물 드론으로 포획",
                                                "근거리용, 낙하 시 2차 피해",
                                            ],
                                            [
                                                "하드킬",
                                                "요격 드론·총포",
                                                "충돌 또는 사격으로 파괴",
                                                "도심 사용 곤란, 파편 위험",
                                            ],
                                            [
                                                "하드킬",
                                                "지향성 에너지(레이저·고출력 마이크로파)",
                                                "에너지로 기체·전자부를 손상",
                                                "안전거리 확보, 기상 영향",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>어떤 수단을 쓸지는 드론이 떨어질 위치의 안전, 폭발물 등 탑재물의 가능성, "
                                    "주변 통신과 항법에 미치는 부수 효과, 그리고 증거 보존 필요성을 함께 따져 "
                                    "결정합니다. 기체를 온전히 확보하면 비행 기록과 저장 영상을 분석해 조종자를 "
                                    "추적하는 포렌식이 가능해집니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "국내 법적 쟁점",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul><li><b>전파 교란</b>: 전파법은 다른 무선국의 운용을 방해하는 혼신을 "
                                    "금지합니다. 재밍 장비는 법령에 근거한 권한을 가진 기관만 정해진 조건에서 "
                                    "운용할 수 있으며, 민간 기업이나 개인이 임의로 사용하는 것은 "
                                    "불법입니다.</li><li><b>재산권과 책임</b>: 타인의 드론을 떨어뜨리거나 부수는 "
                                    "행위는 민사상 손해배상, 형사상 재물손괴 문제가 될 수 있으므로 명확한 법적 "
                                    "근거가 필요합니다.</li><li><b>권한 기관</b>: 공항, 국가중요시설, 군 시설 "
                                    "등에서는 항공안전법, 전파법, 통합방위법 등 관계 법령에 따라 권한을 부여받은 "
                                    "기관이 불법 드론에 대응합니다.</li><li><b>개발·시험</b>: 기업이 대드론 장비를 "
                                    "개발·시험하면서 전파를 발사하려면 실험국 허가 등 전파 관련 인허가를 받아야 "
                                    "하고, 시험 공역과 시험 일정도 관계기관과 협의해야 합니다.</li></ul>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "security",
                                    "title": "정보 취급 유의",
                                    "text": (
                                        "<p>실제 체계의 탐지 성능, 배치 위치, 대응 절차는 보호가 필요한 "
                                        "정보입니다. 업무 중 알게 된 이러한 정보는 공개 발표, 논문, 영업 자료에 "
                                        "포함하기 전에 반드시 회사 보안담당자와 발주 기관의 검토를 받으세요.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>대드론 기술은 빠르게 발전하고 있으며, 국내외에서 공항과 주요 행사장을 "
                                    "중심으로 드론 탐지 체계 도입이 늘고 있습니다. NATO는 회원국 장비의 "
                                    "상호운용성을 시험하는 대드론 기술 상호운용성 훈련을 정기적으로 열고 있습니다. "
                                    "기업 입장에서는 성능 지표를 정의하는 방법, 오경보를 줄이는 융합 알고리즘, "
                                    "법적 요구사항을 충족하는 기록 기능이 차별화의 핵심이 됩니다.</p>"
                                ),
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "mission-sw-px4-ardupilot",
        "institute": "dcti",
        "title": "드론 임무 SW(PX4·ArduPilot) 입문",
        "title_en": "Introduction to Drone Mission Software (PX4 and ArduPilot)",
        "summary": (
            "오픈소스 비행제어 SW인 PX4와 ArduPilot의 구조, SITL 시뮬레이션, MAVLink 통신, QGroundControl 임무 "
            "계획, 페일세이프 파라미터, pymavlink 자동화를 실습합니다."
        ),
        "summary_en": (
            "Hands-on introduction to the open-source PX4 and ArduPilot autopilots: architecture, SITL simulation, "
            "MAVLink, mission planning in QGroundControl, failsafe parameters and automation with pymavlink."
        ),
        "category": "mission_sw",
        "level": "intermediate",
        "study_hours": 4,
        "delivery_mode": "online",
        "enrolment_policy": "open",
        "outcomes": [
            "PX4와 ArduPilot의 구조, 라이선스, 도구 생태계의 차이를 설명할 수 있다.",
            "SITL 시뮬레이션 환경을 구축하고 지상관제 SW와 연결할 수 있다.",
            "MAVLink 메시지 구조와 미션·명령·파라미터 프로토콜을 이해할 수 있다.",
            "QGroundControl로 임무를 계획하고 페일세이프 파라미터를 점검·설정할 수 있다.",
            "pymavlink로 시동, 이륙, 텔레메트리 기록을 자동화하는 스크립트를 작성할 수 있다.",
        ],
        "outcomes_en": [
            "Explain the differences between PX4 and ArduPilot in architecture, licence and tooling.",
            "Set up a SITL simulation and connect a ground control station to it.",
            "Understand the MAVLink frame and the mission, command and parameter protocols.",
            "Plan missions in QGroundControl and review and set failsafe parameters.",
            "Write pymavlink scripts that arm, take off and log telemetry.",
        ],
        "prerequisites": [],
        "overview": [
            {
                "type": "heading",
                "value": {
                    "text": "과정 소개",
                    "size": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>국내 방산 중소기업이 개발하는 소형 드론의 상당수는 PX4나 ArduPilot을 기반으로 합니다. 이 "
                    "과정은 임베디드·응용 SW 개발자가 두 오픈소스 비행제어 SW의 구조를 이해하고, 실제 기체 없이 "
                    "SITL 시뮬레이션으로 임무 계획, 파라미터 설정, MAVLink 자동화를 실습하도록 구성했습니다.</p>"
                ),
            },
            {
                "type": "paragraph",
                "value": (
                    "<p><b>실습 환경</b></p><ul><li>Ubuntu 22.04 LTS(가상머신 또는 WSL2 가능), 메모리 16 GB 이상 "
                    "권장</li><li>Python 3.10 이상, Git</li><li>QGroundControl 최신 안정 버전</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "note",
                    "title": "C·Python 기초 필요",
                    "text": (
                        "<p>코드 예제는 Python 중심이지만 PX4·ArduPilot 소스는 C++로 작성되어 있습니다. 변수, "
                        "함수, 반복문 정도의 프로그래밍 기초가 있으면 충분합니다.</p>"
                    ),
                },
            },
        ],
        "modules": [
            {
                "title": "오픈소스 비행제어 SW",
                "title_en": "Open-source flight control software",
                "lessons": [
                    {
                        "slug": "autopilot-overview",
                        "title": "PX4와 ArduPilot 개요",
                        "title_en": "PX4 and ArduPilot at a glance",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "두 오픈소스 비행제어 SW",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p><b>ArduPilot</b>은 2009년 무렵 시작된 가장 오래된 오픈소스 오토파일럿 "
                                    "프로젝트 중 하나로, 멀티콥터(Copter), 고정익(Plane), 지상차량(Rover), "
                                    "수중체(Sub) 등 다양한 기체를 지원합니다. <b>PX4</b>는 취리히 연방공과대학(ETH "
                                    "Zürich)의 연구에서 출발해 현재 리눅스 재단 산하 Dronecode 재단이 관리하는 "
                                    "프로젝트입니다. 두 프로젝트 모두 Pixhawk 계열 비행제어기에서 동작하고, "
                                    "MAVLink 프로토콜로 지상관제 SW와 통신합니다.</p><p>기업이 두 SW를 선택할 때 "
                                    "가장 먼저 따져야 할 것은 <b>라이선스</b>입니다. ArduPilot은 GPLv3이므로 "
                                    "수정한 펌웨어를 바이너리로 배포(납품 포함)하면 그 소스코드도 받은 쪽에 제공할 "
                                    "의무가 생깁니다. PX4는 BSD 3-Clause로, 저작권 고지만 유지하면 수정 소스를 "
                                    "공개하지 않아도 됩니다. 방산 납품 시에는 계약상 소스 제공 조건과 함께 법무 "
                                    "검토를 받아야 합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "PX4와 ArduPilot 비교",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "항목",
                                                "PX4",
                                                "ArduPilot",
                                            ],
                                            [
                                                "라이선스",
                                                "BSD 3-Clause",
                                                "GPLv3",
                                            ],
                                            [
                                                "실시간 OS",
                                                "NuttX",
                                                "ChibiOS(또는 Linux 보드)",
                                            ],
                                            [
                                                "내부 통신 구조",
                                                "uORB 발행·구독 메시지 버스",
                                                "차량 코드 + 공용 라이브러리, 스케줄러",
                                            ],
                                            [
                                                "로그 형식",
                                                "ULog(.ulg)",
                                                "DataFlash(.bin)",
                                            ],
                                            [
                                                "파라미터 예",
                                                "MPC_XY_VEL_MAX",
                                                "WPNAV_SPEED",
                                            ],
                                            [
                                                "시뮬레이션",
                                                "Gazebo SITL",
                                                "SITL(sim_vehicle.py), Gazebo 연동",
                                            ],
                                            [
                                                "확장 방식",
                                                "ROS 2(uXRCE-DDS), 외부 제어(Offboard)",
                                                "온보드 Lua 스크립트, ROS 2, Guided 모드",
                                            ],
                                            [
                                                "주 지상관제 SW",
                                                "QGroundControl",
                                                "Mission Planner, QGroundControl, MAVProxy",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "PX4 소프트웨어 구조",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>PX4는 독립적인 모듈들이 uORB 토픽을 주고받는 구조입니다. 센서 모듈이 "
                                    "sensor_combined 같은 토픽을 발행하면 상태추정기 EKF2가 vehicle_attitude, "
                                    "vehicle_local_position을 발행하고, 위치 제어(mc_pos_control) → 자세 "
                                    "제어(mc_att_control) → 각속도 제어(mc_rate_control) → 제어 "
                                    "할당(control_allocator)을 거쳐 모터 출력이 만들어집니다. commander 모듈은 "
                                    "시동·비행 모드·페일세이프 상태를 관리하고, navigator 모듈은 임무와 귀환을, "
                                    "mavlink 모듈은 외부 통신을 맡습니다.</p><p>ArduPilot은 ArduCopter 같은 차량별 "
                                    "코드가 AP_NavEKF3(상태추정), AC_AttitudeControl(자세 제어), "
                                    "AC_WPNav(웨이포인트 항법), AP_HAL(하드웨어 추상화) 같은 공용 라이브러리를 "
                                    "호출하는 구조입니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "캐스케이드 제어",
                                    "text": (
                                        "<p>두 SW 모두 바깥 루프(위치)가 안쪽 루프(속도 → 자세 → 각속도)의 "
                                        "목표값을 만들어 주는 다단(캐스케이드) 제어 구조입니다. 안쪽 루프일수록 "
                                        "빠르게 돌아야 하며, 각속도 루프는 보통 수백 Hz에서 kHz 단위로 실행됩니다. "
                                        "튜닝도 안쪽 루프부터 바깥쪽 순서로 합니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>기업이 오픈소스를 기반으로 제품을 만들 때는 업스트림의 안정 릴리스 태그를 "
                                    "기준으로 포크하고, 자체 변경 사항을 별도 브랜치로 관리해 보안 패치와 신규 "
                                    "기능을 주기적으로 병합하는 전략이 필요합니다. 납품 시에는 사용한 오픈소스 "
                                    "구성요소 목록(SBOM)과 라이선스 고지를 함께 관리합니다.</p>"
                                ),
                            },
                        ],
                    },
                    {
                        "slug": "sitl-setup",
                        "title": "SITL 시뮬레이션 환경 구축",
                        "title_en": "Setting up SITL simulation",
                        "study_minutes": 40,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "왜 SITL부터 시작하는가",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>SITL(Software In The Loop)은 실제 비행제어 코드를 PC에서 실행하고, 물리 "
                                    "시뮬레이터가 만든 가상 센서값을 입력으로 주는 방식입니다. 실제 비행제어기 "
                                    "하드웨어를 연결하는 HITL(Hardware In The Loop)과 달리 장비가 필요 없어, 임무 "
                                    "로직과 페일세이프를 안전하게 반복 시험하고 CI 파이프라인에서 자동 테스트를 "
                                    "돌릴 수 있습니다. 실기체 시험 전에 SITL에서 같은 시나리오를 먼저 통과시키는 "
                                    "것을 개발 절차로 정해 두면 시험비행 사고를 크게 줄일 수 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "PX4 SITL",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "bash",
                                    "code": (
                                        "git clone https://github.com/PX4/PX4-Autopilot.git --recursive\n"
                                        "bash ./PX4-Autopilot/Tools/setup/ubuntu.sh   # 빌드 도구와 Gazebo 설치 후 "
                                        "재로그인\n"
                                        "cd PX4-Autopilot\n"
                                        "make px4_sitl gz_x500                          # Gazebo에서 x500 쿼드콥터 "
                                        "실행\n"
                                        "\n"
                                        "# 시작 위치를 대전 인근으로 바꾸고 GUI 없이 실행\n"
                                        "PX4_HOME_LAT=36.3741 PX4_HOME_LON=127.3604 PX4_HOME_ALT=60 HEADLESS=1 "
                                        "make px4_sitl gz_x500"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>실행 후 나타나는 <b>pxh&gt;</b> 셸에서 commander takeoff, commander land "
                                    "명령으로 이착륙을 시험할 수 있습니다. QGroundControl을 실행하면 UDP 14550 "
                                    "포트로 자동 연결되고, MAVSDK나 ROS 같은 외부 제어 프로그램은 UDP 14540 포트를 "
                                    "사용합니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "ArduPilot SITL",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "bash",
                                    "code": (
                                        "git clone --recurse-submodules https://github.com/ArduPilot/ardupilot.git"
                                        "\n"
                                        "cd ardupilot\n"
                                        "Tools/environment_install/install-prereqs-ubuntu.sh -y\n"
                                        ". ~/.profile\n"
                                        "sim_vehicle.py -v ArduCopter --console --map -w   # -w: 파라미터를 "
                                        "기본값으로 초기화\n"
                                        "\n"
                                        "# MAVProxy 콘솔에서\n"
                                        "mode guided\n"
                                        "arm throttle\n"
                                        "takeoff 10\n"
                                        "mode rtl"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>sim_vehicle.py는 ArduCopter를 빌드해 실행하고, MAVProxy를 띄워 지도와 콘솔 "
                                    "창을 엽니다. MAVProxy는 같은 MAVLink 스트림을 UDP 14550으로도 내보내므로 "
                                    "QGroundControl이나 Mission Planner를 동시에 연결할 수 있습니다. 시작 위치는 "
                                    "-L 옵션(미리 정의된 위치 이름)이나 --custom-location=위도,경도,고도,기수 "
                                    "옵션으로 바꿉니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "가상머신에서의 성능",
                                    "text": (
                                        "<p>가상머신이나 WSL2에서는 3D 그래픽 가속이 약해 Gazebo 화면이 느릴 수 "
                                        "있습니다. 이때는 HEADLESS=1로 시뮬레이터 화면을 끄고 QGroundControl "
                                        "지도만으로 비행을 확인하면 충분합니다. 시뮬레이션 시간이 실제 시간보다 "
                                        "느려지면 페일세이프 판정 시간도 함께 왜곡될 수 있다는 점에 유의합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "MAVLink와 지상관제",
                "title_en": "MAVLink and ground control",
                "lessons": [
                    {
                        "slug": "mavlink-basics",
                        "title": "MAVLink 프로토콜 기초",
                        "title_en": "MAVLink protocol basics",
                        "study_minutes": 35,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "MAVLink란",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>MAVLink는 드론과 지상관제 SW, 탑재 컴퓨터, 카메라 사이에서 쓰이는 경량 "
                                    "메시지 프로토콜입니다. 메시지는 XML 파일로 정의하고, 이 정의에서 C, Python 등 "
                                    "여러 언어의 코드를 자동 생성합니다. 네트워크의 각 참여자는 <b>시스템 "
                                    "ID</b>(기체 하나가 하나의 시스템, 1~255)와 <b>컴포넌트 ID</b>(비행제어기는 "
                                    "보통 1, 카메라·짐벌 등은 별도 번호)로 구분됩니다.</p><p>현재 널리 쓰이는 "
                                    "MAVLink 2는 MAVLink 1에 비해 메시지 ID를 24비트로 늘렸고, 뒤쪽이 0인 페이로드 "
                                    "바이트를 잘라 전송량을 줄이며, 기존 메시지에 필드를 추가하는 확장 필드와 패킷 "
                                    "서명(signing)을 지원합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "MAVLink 2 프레임 구조",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "필드",
                                                "크기(바이트)",
                                                "설명",
                                            ],
                                            [
                                                "STX",
                                                "1",
                                                "시작 표시 0xFD(MAVLink 1은 0xFE)",
                                            ],
                                            [
                                                "LEN",
                                                "1",
                                                "페이로드 길이",
                                            ],
                                            [
                                                "INC FLAGS / CMP FLAGS",
                                                "1 / 1",
                                                "호환성 플래그(서명 여부 등)",
                                            ],
                                            [
                                                "SEQ",
                                                "1",
                                                "패킷 순번(손실 감지)",
                                            ],
                                            [
                                                "SYSID / COMPID",
                                                "1 / 1",
                                                "보낸 시스템과 컴포넌트",
                                            ],
                                            [
                                                "MSGID",
                                                "3",
                                                "메시지 ID(24비트)",
                                            ],
                                            [
                                                "PAYLOAD",
                                                "0~255",
                                                "메시지 내용",
                                            ],
                                            [
                                                "CHECKSUM",
                                                "2",
                                                "CRC-16/MCRF4XX",
                                            ],
                                            [
                                                "SIGNATURE",
                                                "13(선택)",
                                                "서명 사용 시 링크 ID, 타임스탬프, 서명",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "핵심 메시지와 마이크로서비스",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "자주 쓰는 MAVLink 메시지",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "메시지",
                                                "ID",
                                                "용도",
                                            ],
                                            [
                                                "HEARTBEAT",
                                                "0",
                                                "존재와 기체 종류·모드·시동 상태 알림(보통 1 Hz)",
                                            ],
                                            [
                                                "SYS_STATUS",
                                                "1",
                                                "센서 상태, 배터리 전압·잔량",
                                            ],
                                            [
                                                "PARAM_VALUE",
                                                "22",
                                                "파라미터 값 응답",
                                            ],
                                            [
                                                "GPS_RAW_INT",
                                                "24",
                                                "GNSS 원시 위치, 위성 수",
                                            ],
                                            [
                                                "ATTITUDE",
                                                "30",
                                                "롤·피치·요(라디안)",
                                            ],
                                            [
                                                "GLOBAL_POSITION_INT",
                                                "33",
                                                "융합된 위치, 상대고도(mm)",
                                            ],
                                            [
                                                "MISSION_ITEM_INT",
                                                "73",
                                                "임무 항목 하나",
                                            ],
                                            [
                                                "COMMAND_LONG / COMMAND_ACK",
                                                "76 / 77",
                                                "명령 전송과 결과 응답",
                                            ],
                                            [
                                                "STATUSTEXT",
                                                "253",
                                                "경고·안내 문자열",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>MAVLink는 메시지들을 묶어 <b>마이크로서비스</b>라는 절차를 정의합니다. "
                                    "명령 프로토콜은 COMMAND_LONG을 보내고 COMMAND_ACK를 받을 때까지 재전송합니다. "
                                    "파라미터 프로토콜은 PARAM_REQUEST_LIST로 전체 목록을 받고 PARAM_SET으로 값을 "
                                    "바꿉니다. 미션 프로토콜은 아래와 같이 지상국이 항목 수를 알리고, 기체가 "
                                    "항목을 하나씩 요청하는 방식입니다. 전송 매체는 텔레메트리 무선 모뎀의 "
                                    "시리얼(흔히 57600 bps), UDP, TCP 등 무엇이든 될 수 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "text",
                                    "code": (
                                        "지상국                         기체\n"
                                        "MISSION_COUNT(count=3)  --->\n"
                                        "                        <---  MISSION_REQUEST_INT(seq=0)\n"
                                        "MISSION_ITEM_INT(seq=0) --->\n"
                                        "                        <---  MISSION_REQUEST_INT(seq=1)\n"
                                        "MISSION_ITEM_INT(seq=1) --->\n"
                                        "                        <---  MISSION_REQUEST_INT(seq=2)\n"
                                        "MISSION_ITEM_INT(seq=2) --->\n"
                                        "                        <---  MISSION_ACK(type=MAV_MISSION_ACCEPTED)"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "security",
                                    "title": "MAVLink 링크 보안",
                                    "text": (
                                        "<p>MAVLink 자체에는 암호화 기능이 없습니다. MAVLink 2의 패킷 서명은 "
                                        "인가되지 않은 송신자의 명령을 거부하는 <b>인증</b> 기능일 뿐, 내용을 "
                                        "숨기는 <b>기밀성</b>은 제공하지 않습니다. 위치와 임무 정보를 보호하려면 "
                                        "암호화를 지원하는 무선 모뎀 등 링크 계층의 암호화가 필요하며, 군 납품 "
                                        "체계는 발주 기관의 보안 요구사항을 따라야 합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "qgc-mission",
                        "title": "QGroundControl 임무 계획",
                        "title_en": "Mission planning in QGroundControl",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "QGroundControl 화면 구성",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>QGroundControl(QGC)은 PX4와 ArduPilot을 모두 지원하는 오픈소스 지상관제 "
                                    "SW입니다. 화면은 비행 상태를 보는 <b>Fly 뷰</b>, 임무·지오펜스·랠리 포인트를 "
                                    "만드는 <b>Plan 뷰</b>, 펌웨어 설치와 기체 프레임·센서·조종기·비행 "
                                    "모드·전원·안전 설정을 하는 <b>Vehicle Setup</b>, 로그 다운로드와 MAVLink "
                                    "검사·콘솔을 제공하는 <b>Analyze Tools</b>로 나뉩니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "임무를 이루는 명령",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "자주 쓰는 임무 명령(MAV_CMD)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "명령",
                                                "번호",
                                                "의미",
                                            ],
                                            [
                                                "MAV_CMD_NAV_WAYPOINT",
                                                "16",
                                                "지정 좌표로 비행",
                                            ],
                                            [
                                                "MAV_CMD_NAV_LOITER_TIME",
                                                "19",
                                                "지정 좌표에서 일정 시간 체공",
                                            ],
                                            [
                                                "MAV_CMD_NAV_RETURN_TO_LAUNCH",
                                                "20",
                                                "이륙 지점으로 귀환",
                                            ],
                                            [
                                                "MAV_CMD_NAV_LAND",
                                                "21",
                                                "착륙",
                                            ],
                                            [
                                                "MAV_CMD_NAV_TAKEOFF",
                                                "22",
                                                "지정 고도로 이륙",
                                            ],
                                            [
                                                "MAV_CMD_DO_CHANGE_SPEED",
                                                "178",
                                                "비행 속도 변경",
                                            ],
                                            [
                                                "MAV_CMD_DO_SET_CAM_TRIGG_DIST",
                                                "206",
                                                "일정 거리마다 카메라 촬영",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>임무 항목의 고도에는 기준(frame)이 있습니다. 이륙 지점 기준 "
                                    "<b>상대고도</b>(MAV_FRAME_GLOBAL_RELATIVE_ALT, 값 3), <b>해발고도</b>(AMSL), "
                                    "그리고 지형 데이터를 이용한 <b>지형 기준 고도</b>입니다. 산악 지형에서 "
                                    "상대고도로 계획하면 이륙 지점보다 높은 능선에서 지면과 충돌할 수 있습니다. "
                                    "반대로 골짜기 위를 지날 때는 지표면으로부터의 실제 고도가 커져 항공안전법의 "
                                    "150 m 기준을 넘을 수 있으므로, 지형 기준 고도나 지형 프로파일 확인 기능을 "
                                    "활용합니다. Plan 뷰의 Survey(면적 촬영), Corridor Scan(선형 촬영), Structure "
                                    "Scan(구조물 촬영) 도구는 카메라 사양과 중복도를 입력하면 경로와 촬영 간격을 "
                                    "자동으로 계산합니다.</p><p>임무는 .plan 파일(JSON 형식)로 저장되어 버전 "
                                    "관리와 검토가 쉽습니다. 아래는 이륙, 웨이포인트 하나, 귀환으로 이루어진 PX4용 "
                                    "임무의 예입니다(firmwareType 12 = PX4, vehicleType 2 = 쿼드로터).</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "json",
                                    "code": (
                                        "{\n"
                                        '  "fileType": "Plan",\n'
                                        '  "version": 1,\n'
                                        '  "groundStation": "QGroundControl",\n'
                                        '  "mission": {\n'
                                        '    "version": 2,\n'
                                        '    "firmwareType": 12,\n'
                                        '    "vehicleType": 2,\n'
                                        '    "cruiseSpeed": 15,\n'
                                        '    "hoverSpeed": 5,\n'
                                        '    "plannedHomePosition": [36.3741, 127.3604, 60],\n'
                                        '    "items": [\n'
                                        '      {"type": "SimpleItem", "doJumpId": 1, "command": 22, "frame": 3,\n'
                                        '       "params": [0, 0, 0, null, 36.3741, 127.3604, 30], "autoContinue": '
                                        "true},\n"
                                        '      {"type": "SimpleItem", "doJumpId": 2, "command": 16, "frame": 3,\n'
                                        '       "params": [0, 0, 0, null, 36.3752, 127.3615, 40], "autoContinue": '
                                        "true},\n"
                                        '      {"type": "SimpleItem", "doJumpId": 3, "command": 20, "frame": 2,\n'
                                        '       "params": [0, 0, 0, 0, 0, 0, 0], "autoContinue": true}\n'
                                        "    ]\n"
                                        "  },\n"
                                        '  "geoFence": {"version": 2, "circles": [], "polygons": []},\n'
                                        '  "rallyPoints": {"version": 2, "points": []}\n'
                                        "}"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "임무 업로드 후 확인",
                                    "text": (
                                        "<p>업로드 후에는 기체에서 임무를 다시 내려받아 지도에서 경로와 고도를 "
                                        "확인하고, 첫 웨이포인트의 방향에 사람이나 장애물이 없는지 봅니다. 임무 중 "
                                        "데이터링크가 끊겼을 때의 동작(PX4 NAV_DLL_ACT, ArduPilot FS_GCS_ENABLE)도 "
                                        "임무 계획의 일부로 점검합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "파라미터와 자동화",
                "title_en": "Parameters and automation",
                "lessons": [
                    {
                        "slug": "params-failsafe",
                        "title": "주요 파라미터와 페일세이프 설정",
                        "title_en": "Key parameters and failsafe settings",
                        "study_minutes": 35,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "파라미터 다루기",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>파라미터는 비행제어기의 동작을 정하는 설정값으로, 펌웨어에 따라 천 개가 "
                                    "넘기도 합니다. 이름의 접두사가 기능 그룹을 나타냅니다(PX4의 MPC_는 멀티콥터 "
                                    "위치 제어, ArduPilot의 BATT_는 배터리). 대부분은 바로 반영되지만 센서 "
                                    "드라이버나 통신 포트 설정처럼 재부팅해야 반영되는 항목도 있습니다. 기체마다 "
                                    "파라미터 파일을 저장해 두고, 변경 전후 파일을 비교(diff)해 형상관리하는 것이 "
                                    "기본입니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "PX4 페일세이프 관련 파라미터(기본값은 버전에 따라 다를 수 있음)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "파라미터",
                                                "의미",
                                                "기본값",
                                            ],
                                            [
                                                "COM_RC_LOSS_T",
                                                "RC 신호 손실 판정 시간(초)",
                                                "0.5",
                                            ],
                                            [
                                                "NAV_RCL_ACT",
                                                "RC 손실 시 동작(1 Hold, 2 Return, 3 Land 등)",
                                                "2(Return)",
                                            ],
                                            [
                                                "COM_DL_LOSS_T",
                                                "데이터링크 손실 판정 시간(초)",
                                                "10",
                                            ],
                                            [
                                                "NAV_DLL_ACT",
                                                "데이터링크 손실 시 동작",
                                                "0(사용 안 함)",
                                            ],
                                            [
                                                "BAT_LOW_THR",
                                                "저잔량 경고 기준(비율)",
                                                "0.15",
                                            ],
                                            [
                                                "BAT_CRIT_THR",
                                                "위험 잔량 기준(비율)",
                                                "0.07",
                                            ],
                                            [
                                                "BAT_EMERGEN_THR",
                                                "비상 잔량 기준(비율)",
                                                "0.05",
                                            ],
                                            [
                                                "RTL_RETURN_ALT",
                                                "귀환 고도(m)",
                                                "60",
                                            ],
                                            [
                                                "GF_ACTION",
                                                "지오펜스 이탈 시 동작",
                                                "2(Hold)",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": (
                                        "ArduPilot Copter 페일세이프 관련 파라미터(기본값은 버전에 따라 다를 수 있음)"
                                    ),
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "파라미터",
                                                "의미",
                                                "기본값",
                                            ],
                                            [
                                                "FS_THR_ENABLE",
                                                "조종기(스로틀) 페일세이프 사용과 동작",
                                                "1(RTL)",
                                            ],
                                            [
                                                "FS_THR_VALUE",
                                                "페일세이프로 판정하는 스로틀 PWM",
                                                "975",
                                            ],
                                            [
                                                "FS_GCS_ENABLE",
                                                "지상국 링크 손실 페일세이프",
                                                "0(사용 안 함)",
                                            ],
                                            [
                                                "BATT_LOW_VOLT",
                                                "저전압 기준(V)",
                                                "10.5",
                                            ],
                                            [
                                                "BATT_FS_LOW_ACT",
                                                "저전압 시 동작(1 Land, 2 RTL, 3 SmartRTL 등)",
                                                "0(동작 없음)",
                                            ],
                                            [
                                                "RTL_ALT",
                                                "귀환 고도(cm)",
                                                "1500",
                                            ],
                                            [
                                                "FENCE_ALT_MAX / FENCE_RADIUS",
                                                "원통형 지오펜스 최대 고도(m) / 반경(m)",
                                                "100 / 300",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>페일세이프 설정의 원칙은 다음과 같습니다.</p><ul><li>링크 손실 동작은 비행 "
                                    "환경에 맞춥니다. 장애물이 많은 곳에서 귀환을 고르면 귀환 고도를 가장 높은 "
                                    "장애물보다 높게 잡아야 합니다.</li><li>배터리 기준은 가장 먼 지점에서 "
                                    "맞바람을 안고 귀환하는 데 필요한 에너지를 포함해 잡습니다. ArduPilot의 "
                                    "BATT_LOW_VOLT 기본값 10.5 V는 3S 기준이므로 6S 기체에서는 반드시 바꿔야 "
                                    "합니다.</li><li>지오펜스는 승인받은 비행 구역 경계보다 안쪽에 설정해 이탈 후 "
                                    "대응할 여유를 둡니다.</li><li>ArduPilot의 RTL_ALT는 cm 단위, PX4의 "
                                    "RTL_RETURN_ALT는 m 단위라는 점처럼 단위를 항상 확인합니다.</li></ul>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "bash",
                                    "code": (
                                        "# PX4: QGC의 MAVLink 콘솔 또는 SITL의 pxh> 셸\n"
                                        "param show NAV_RCL_ACT\n"
                                        "param set RTL_RETURN_ALT 80\n"
                                        "\n"
                                        "# ArduPilot: MAVProxy 콘솔\n"
                                        "param show FS_*\n"
                                        "param set RTL_ALT 3000          # 30 m (단위 cm)\n"
                                        "param save ./copter-20260115.parm"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>페일세이프 설정은 반드시 시험으로 확인합니다. SITL에서 조종기 신호를 "
                                    "끊거나(ArduPilot SITL에서는 param set SIM_RC_FAIL 1) 배터리 잔량이 줄어드는 "
                                    "시나리오를 돌려 기대한 모드 전환이 일어나는지 로그로 확인하고, 실기체에서는 "
                                    "프로펠러를 분리한 지상 시험으로 조종기 전원을 꺼 페일세이프 진입 메시지를 "
                                    "확인합니다. 파라미터를 바꾼 뒤에는 바뀐 항목만이 아니라 관련된 페일세이프 "
                                    "시나리오 전체를 다시 시험합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "파라미터 변경은 형상관리 대상",
                                    "text": (
                                        "<p>파라미터 변경은 설계 변경과 같습니다. 변경 사유, 변경자, 변경 전후 값, "
                                        "SITL·시험비행 결과를 기록하고, 검증되지 않은 파라미터로는 실비행하지 "
                                        "않습니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "pymavlink-scripting",
                        "title": "pymavlink로 임무 자동화",
                        "title_en": "Automating missions with pymavlink",
                        "study_minutes": 40,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "pymavlink 설치와 연결",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>pymavlink는 MAVLink 메시지 정의에서 생성된 Python 라이브러리로, pip "
                                    "install pymavlink로 설치합니다. 핵심은 mavutil.mavlink_connection() 함수이며, "
                                    '연결 문자열로 매체를 고릅니다. SITL의 UDP 스트림은 "udpin:0.0.0.0:14550", '
                                    'ArduPilot SITL의 TCP 포트는 "tcp:127.0.0.1:5760", 텔레메트리 모뎀은 '
                                    '"/dev/ttyUSB0"에 baud=57600 인자를 줍니다. 연결 후 wait_heartbeat()로 첫 '
                                    "HEARTBEAT를 기다리면 상대의 시스템 ID와 컴포넌트 ID가 target_system, "
                                    "target_component에 저장됩니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "python",
                                    "code": (
                                        "import time\n"
                                        "\n"
                                        "from pymavlink import mavutil\n"
                                        "\n"
                                        "# ArduPilot SITL이 MAVProxy를 통해 UDP 14550으로 내보내는 스트림에 연결\n"
                                        'master = mavutil.mavlink_connection("udpin:0.0.0.0:14550")\n'
                                        "master.wait_heartbeat()\n"
                                        'print(f"연결됨: system {master.target_system}, component '
                                        '{master.target_component}")\n'
                                        "\n"
                                        "\n"
                                        "def command(cmd, *params):\n"
                                        '    """COMMAND_LONG을 보내고 COMMAND_ACK 결과를 돌려준다."""\n'
                                        "    values = list(params) + [0] * (7 - len(params))\n"
                                        "    master.mav.command_long_send(master.target_system, "
                                        "master.target_component, cmd, 0, *values)\n"
                                        "    deadline = time.time() + 5\n"
                                        "    while time.time() < deadline:\n"
                                        '        ack = master.recv_match(type="COMMAND_ACK", blocking=True, '
                                        "timeout=1)\n"
                                        "        if ack is not None and ack.command == cmd:  # 다른 명령(모드 변경 "
                                        "등)의 응답은 건너뜀\n"
                                        "            return ack.result\n"
                                        "    return None\n"
                                        "\n"
                                        "\n"
                                        'master.set_mode("GUIDED")  # ArduPilot Copter: GUIDED 모드에서 외부 명령 '
                                        "수락\n"
                                        "result = command(mavutil.mavlink.MAV_CMD_COMPONENT_ARM_DISARM, 1)\n"
                                        "if result != mavutil.mavlink.MAV_RESULT_ACCEPTED:\n"
                                        '    raise SystemExit(f"시동 거부: result={result}")\n'
                                        "master.motors_armed_wait()\n"
                                        "\n"
                                        "command(mavutil.mavlink.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, 10)  # "
                                        "param7 = 목표 고도 10 m\n"
                                        "deadline = time.time() + 30\n"
                                        "while time.time() < deadline:\n"
                                        '    pos = master.recv_match(type="GLOBAL_POSITION_INT", blocking=True, '
                                        "timeout=2)\n"
                                        "    if pos is None:\n"
                                        "        continue\n"
                                        "    alt = pos.relative_alt / 1000.0  # mm -> m\n"
                                        '    print(f"상대고도 {alt:.1f} m")\n'
                                        "    if alt >= 9.5:\n"
                                        "        break\n"
                                        "\n"
                                        'master.set_mode("RTL")'
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>명령의 결과는 COMMAND_ACK의 result 필드로 확인합니다. 0은 "
                                    "MAV_RESULT_ACCEPTED(수락), 1은 TEMPORARILY_REJECTED(일시 거부), 2는 "
                                    "DENIED(거부), 3은 UNSUPPORTED(미지원), 4는 FAILED(실패), 5는 IN_PROGRESS(진행 "
                                    "중)입니다. 시동 명령이 거부되면 STATUSTEXT 메시지에 'PreArm: ...' 형태로 "
                                    "이유가 함께 오므로, 스크립트가 이 메시지도 기록하도록 만들면 원인 파악이 "
                                    "쉬워집니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "필요한 텔레메트리만 요청하기",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>기체가 보내는 메시지의 종류와 빈도는 MAV_CMD_SET_MESSAGE_INTERVAL(511) "
                                    "명령으로 지정합니다. param1에 메시지 ID, param2에 전송 간격(µs)을 넣습니다. "
                                    "아래 예제는 자세 정보를 10 Hz로 받아 CSV 파일로 저장합니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "python",
                                    "code": (
                                        "from pymavlink import mavutil\n"
                                        "\n"
                                        'master = mavutil.mavlink_connection("udpin:0.0.0.0:14550")\n'
                                        "master.wait_heartbeat()\n"
                                        "\n"
                                        "# ATTITUDE(메시지 ID 30)를 10 Hz(100,000 µs 간격)로 요청\n"
                                        "master.mav.command_long_send(\n"
                                        "    master.target_system, master.target_component,\n"
                                        "    mavutil.mavlink.MAV_CMD_SET_MESSAGE_INTERVAL, 0,\n"
                                        "    mavutil.mavlink.MAVLINK_MSG_ID_ATTITUDE, 100_000, 0, 0, 0, 0, 0,\n"
                                        ")\n"
                                        "\n"
                                        'with open("attitude.csv", "w", encoding="utf-8") as out:\n'
                                        '    out.write("time_boot_ms,roll_deg,pitch_deg,yaw_deg\\n")\n'
                                        "    for _ in range(100):\n"
                                        '        msg = master.recv_match(type="ATTITUDE", blocking=True, '
                                        "timeout=2)\n"
                                        "        if msg is None:\n"
                                        "            break\n"
                                        '        out.write(f"{msg.time_boot_ms},{msg.roll * 57.2958:.2f},"\n'
                                        '                  f"{msg.pitch * 57.2958:.2f},{msg.yaw * 57.2958:.2f}\\n")'
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>PX4 중심의 고수준 API가 필요하다면 MAVSDK(C++, Python asyncio)를, 로봇 "
                                    "소프트웨어와 통합한다면 ROS 2 연동을 검토합니다. pymavlink는 저수준이지만 "
                                    "모든 메시지에 접근할 수 있어 시험 자동화와 로그 분석 도구를 만드는 데 가장 "
                                    "많이 쓰입니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "실기체 적용 전 확인",
                                    "text": (
                                        "<p>자동화 스크립트는 반드시 SITL에서 먼저 검증하고, 모든 수신 대기에 "
                                        "타임아웃과 예외 처리를 넣습니다. 실기체 시험 중에는 조종자가 모드 "
                                        "스위치로 언제든 수동 제어를 회수할 수 있어야 하며, 스크립트가 이를 "
                                        "방해하도록 작성해서는 안 됩니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "defense-tech-security",
        "institute": "dqsi",
        "title": "방산기술보호 보안교육",
        "title_en": "Defense Technology Protection and Security Training",
        "summary": (
            "방위산업기술보호법과 보안업무의 기본, 인원·시설·정보 보안, 드론 개발 데이터 보호, 기술유출 징후와 "
            "신고 절차를 방산 협력업체 재직자 눈높이에서 학습합니다."
        ),
        "summary_en": (
            "The Defense Technology Security Act, the basics of classified information, personnel, facility and "
            "information security, protecting drone development data, and spotting and reporting technology leaks."
        ),
        "category": "quality_security",
        "level": "beginner",
        "study_hours": 3,
        "delivery_mode": "online",
        "enrolment_policy": "approval",
        "outcomes": [
            "방위산업기술보호법의 목적과 대상기관의 보호체계 구축 의무를 설명할 수 있다.",
            "비밀의 등급과 대외비의 개념, 알 필요의 원칙에 따른 취급 기준을 이해할 수 있다.",
            "보호지역 구분과 출입 통제, 보안서약 등 인원·시설 보안 절차를 실천할 수 있다.",
            "비행 로그, 영상, 펌웨어 등 드론 개발 데이터를 정보보안 원칙에 따라 관리할 수 있다.",
            "기술유출 징후를 알아차리고 사내 보고와 신고 절차를 따를 수 있다.",
        ],
        "outcomes_en": [
            (
                "Explain the purpose of the Defense Technology Security Act and the protection duties of covered "
                "organisations."
            ),
            "Understand classification levels, restricted (daeoebi) information and the need-to-know principle.",
            "Apply personnel and facility security procedures such as protected areas, access control and pledges.",
            (
                "Manage drone development data such as flight logs, imagery and firmware under information "
                "security rules."
            ),
            (
                "Recognise signs of technology leakage and follow internal reporting and official notification "
                "procedures."
            ),
        ],
        "prerequisites": [],
        "overview": [
            {
                "type": "heading",
                "value": {
                    "text": "과정 소개",
                    "size": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>방산 분야의 중소·벤처기업은 체계업체나 연구기관과 협력하면서 방위산업기술과 비밀을 다루게 "
                    "됩니다. 기술이 한 번 유출되면 국가안보는 물론 회사의 계약 자격과 신뢰에도 회복하기 어려운 "
                    "피해가 생깁니다. 이 과정은 신규 입사자와 협력업체 재직자가 알아야 할 법적 의무와 일상 보안 "
                    "수칙을 다룹니다.</p><p>회원사 재직자 확인이 필요하므로 수강신청 후 기관 관리자가 승인합니다. "
                    "매년 재수강을 권장합니다.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "security",
                    "title": "교육 자료 취급",
                    "text": (
                        "<p>이 과정의 자료는 공개된 법령과 일반 보안 원칙만 담고 있습니다. 토론 게시판이나 질문에 "
                        "회사의 실제 보안 체계, 보호 대상 기술의 내용, 사고 사례의 세부 정보를 적지 마세요.</p>"
                    ),
                },
            },
        ],
        "modules": [
            {
                "title": "법과 제도",
                "title_en": "Laws and institutions",
                "lessons": [
                    {
                        "slug": "legal-framework",
                        "title": "방위산업기술보호법과 보호체계",
                        "title_en": "The Defense Technology Security Act and protection systems",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "방위산업기술보호법의 목적",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>「방위산업기술 보호법」은 2015년 12월 제정되어 2016년 6월부터 "
                                    "시행되었습니다. 이 법은 방위산업기술을 체계적으로 보호하고 관련 기관을 지원해 "
                                    "국가안보를 지키고 방위산업의 경쟁력을 높이는 것을 목적으로 합니다. 여기서 "
                                    "<b>방위산업기술</b>은 방위산업과 관련된 국방과학기술 가운데 국가안보를 위해 "
                                    "보호가 필요한 기술로서 방위사업청장이 지정·고시한 기술을 말합니다.</p><p>이 "
                                    "법은 방산업체뿐 아니라 방위산업기술을 보유하거나 연구개발하는 전문연구기관, "
                                    "일반업체, 대학과 연구기관까지 <b>대상기관</b>으로 봅니다. 체계업체에 부품이나 "
                                    "소프트웨어를 공급하는 협력업체도 방위산업기술을 다룬다면 보호 의무를 "
                                    "집니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "방위산업기술 보호의 주요 개념",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "개념",
                                                "내용",
                                            ],
                                            [
                                                "방위산업기술",
                                                "방위사업청장이 지정·고시한 보호 대상 국방과학기술",
                                            ],
                                            [
                                                "대상기관",
                                                "방위산업기술을 보유하거나 연구개발하는 업체·연구기관·대학 등",
                                            ],
                                            [
                                                "보호체계",
                                                (
                                                    "대상기관이 구축·운영하는 기술보호 관리 체계(보호 대상 식별, "
                                                    "인원 통제, 시설 보호, 정보 보호)"
                                                ),
                                            ],
                                            [
                                                "실태조사",
                                                "방위사업청이 대상기관의 보호체계 운영 실태를 점검하고 개선을 요구",
                                            ],
                                            [
                                                "금지행위",
                                                "부정한 방법의 취득·사용·공개, 승인 없는 수출·이전 등",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>대상기관은 보호 대상 기술을 식별해 목록으로 관리하고, 기술에 접근하는 "
                                    "인원을 통제하며, 기술이 있는 시설과 정보시스템을 보호해야 합니다. 정부는 "
                                    "중소기업이 이러한 체계를 갖출 수 있도록 보안 컨설팅과 보안 장비 지원 사업을 "
                                    "운영하고 있으므로, 회사 보안담당자는 이를 적극적으로 활용하는 것이 "
                                    "좋습니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "함께 알아야 할 법령",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul><li><b>군사기밀 보호법</b>: 군사기밀의 지정, 보호, 누설 "
                                    "처벌</li><li><b>방위사업법</b>: 방산업체 지정과 방산물자, 방위사업 "
                                    "전반</li><li><b>대외무역법</b>: 전략물자 수출 통제. 드론의 항법·통신·추진 "
                                    "부품이나 관련 기술은 이중용도 전략물자에 해당할 수 있으므로 수출이나 해외 "
                                    "기술 제공 전에 해당 여부를 판정받아야 합니다.</li><li><b>산업기술보호법</b>과 "
                                    "<b>부정경쟁방지법</b>: 국가핵심기술과 영업비밀 보호</li></ul>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "security",
                                    "title": "모르면 먼저 묻기",
                                    "text": (
                                        "<p>다루는 자료가 방위산업기술이나 비밀에 해당하는지 확실하지 않다면 "
                                        "스스로 판단하지 말고 회사의 기술보호 책임자나 보안담당자에게 먼저 "
                                        "확인하세요. '공개해도 될 것 같았다'는 판단은 면책 사유가 되지 "
                                        "않습니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "classification-handling",
                        "title": "비밀과 대외비 취급 기본",
                        "title_en": "Basics of handling classified and restricted information",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "비밀의 구분",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>「보안업무규정」(대통령령)은 비밀을 누설될 경우의 피해 정도에 따라 Ⅰ급, "
                                    "Ⅱ급, Ⅲ급으로 나눕니다. 군사 분야에서는 「군사기밀 보호법」이 군사기밀을 같은 "
                                    "세 등급으로 구분하고, 국방부의 「국방 보안업무훈령」이 분류, 표시, 보관, 파기 "
                                    "같은 세부 절차를 정합니다. 비밀이 아니더라도 직무상 특별히 보호가 필요한 "
                                    "사항은 <b>대외비</b>로 지정해 비밀에 준해 관리합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "비밀 등급과 누설 시 영향(보안업무규정의 요지)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "등급",
                                                "누설될 경우의 영향",
                                            ],
                                            [
                                                "Ⅰ급비밀",
                                                (
                                                    "외교관계 단절, 전쟁 유발, 국가 방위계획·정보활동 및 "
                                                    "국가방위에 필수적인 과학·기술 개발을 위태롭게 하는 등의 우려"
                                                ),
                                            ],
                                            [
                                                "Ⅱ급비밀",
                                                "국가안전보장에 막대한 지장을 줄 우려",
                                            ],
                                            [
                                                "Ⅲ급비밀",
                                                "국가안전보장에 해를 끼칠 우려",
                                            ],
                                            [
                                                "대외비",
                                                "비밀은 아니지만 직무 수행상 특별히 보호가 필요한 사항",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "취급 원칙",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul><li><b>알 필요의 원칙(need to know)</b>: 비밀은 업무상 꼭 알아야 하는 "
                                    "사람에게만, 필요한 만큼만 제공합니다. 직급이 높다고 열람할 권리가 생기지 "
                                    "않습니다.</li><li><b>비밀취급인가</b>: 인가받은 등급 이하의 비밀만 취급할 수 "
                                    "있습니다.</li><li><b>표시</b>: 문서의 위아래 등 정해진 위치에 등급을 "
                                    "표시하고, 전자 파일에도 등급을 표시합니다.</li><li><b>보관</b>: 이중 "
                                    "잠금장치가 있는 보관용기 등 규정에 맞는 용기에 보관하고, 퇴근 시 책상 위에 "
                                    "남기지 않습니다.</li><li><b>복제·반출</b>: 복사, 촬영, 외부 반출은 사전 "
                                    "승인을 받고 기록을 남깁니다.</li><li><b>파기</b>: 세절·소각 등 복원할 수 없는 "
                                    "방법으로 파기하고 파기 기록을 남깁니다.</li><li><b>전자 비밀</b>: 인가된 "
                                    "업무망에서만 처리하고, 인터넷에 연결된 PC나 개인 기기에 저장하지 "
                                    "않습니다.</li></ul>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "가장 흔한 유출 경로",
                                    "text": (
                                        "<p>실제 사고는 거창한 해킹보다 개인 휴대폰으로 화면이나 문서를 "
                                        "촬영하거나, 메신저로 '잠깐 참고하라'며 보내는 데서 자주 시작됩니다. "
                                        "편의를 위한 작은 예외가 가장 큰 위험입니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>비밀로 지정되지 않은 자료라도 방산 계약에서 받은 규격서, 도면, 시험 "
                                    "데이터, 발주 기관과 주고받은 문서는 회사 내부 보호 등급을 정해 관리해야 "
                                    "합니다. 계약서의 보안 조항과 보안 요구사항 목록을 확인하고, 과제가 끝나면 "
                                    "받은 자료를 반납하거나 승인된 방법으로 파기합니다. 협력업체에 자료를 다시 "
                                    "넘겨야 할 때도 발주 기관의 승인 범위 안에서만 제공합니다.</p>"
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "title": "실무 보안",
                "title_en": "Security in daily work",
                "lessons": [
                    {
                        "slug": "personnel-facility",
                        "title": "인원 보안과 시설 보안",
                        "title_en": "Personnel and facility security",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "인원 보안",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>기술 유출의 대부분은 내부자와 관련이 있습니다. 그래서 보안은 사람을 "
                                    "관리하는 절차에서 시작합니다.</p><ul><li>채용 시 신원과 경력을 확인하고, "
                                    "입사·보직 변경·퇴직 때마다 보안서약서를 받습니다.</li><li>정기 보안교육으로 "
                                    "최신 유출 수법과 사내 규정을 공유합니다.</li><li>외국인 직원과 방문자는 접근 "
                                    "가능한 구역과 정보를 사전에 정하고 동행 원칙을 지킵니다.</li><li>해외 출장 "
                                    "전에는 출장 보안교육과 휴대 자료 승인을, 복귀 후에는 특이 접촉 여부를 "
                                    "보고합니다.</li><li>퇴직자는 자료와 저장매체를 반납하게 하고, 퇴직 당일 모든 "
                                    "계정과 출입 권한을 삭제하며, 퇴직 후에도 비밀 유지 의무가 있음을 서면으로 "
                                    "알립니다.</li></ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "시설 보안: 보호지역",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "보호지역의 구분(보안업무규정 시행규칙)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "구분",
                                                "정의",
                                                "관리 예",
                                            ],
                                            [
                                                "제한지역",
                                                "울타리나 경비원 등으로 일반인의 출입을 감시할 필요가 있는 지역",
                                                "사업장 외곽, 정문 출입 통제",
                                            ],
                                            [
                                                "제한구역",
                                                "비인가자의 비밀·주요시설 접근을 막기 위해 출입 안내가 필요한 구역",
                                                "연구동, 개발실, 시험장",
                                            ],
                                            [
                                                "통제구역",
                                                "보안상 매우 중요해 비인가자의 출입이 금지되는 구역",
                                                "비밀 보관실, 서버실, 시제기 보관고",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>보호지역에는 출입증과 출입기록 시스템을 설치하고, 방문자는 방문 목적과 "
                                    "시간을 대장에 기록한 뒤 임직원이 동행합니다. 휴대전화와 저장매체의 반입을 "
                                    "통제하며, 반입을 허용하는 경우에도 카메라에 보안 스티커를 붙이게 합니다. CCTV "
                                    "영상과 출입기록은 정해진 기간 동안 보존합니다. 드론 시험비행장에서는 관계자 "
                                    "외 촬영을 금지하고, 외부에서 시험 장면이 보이지 않도록 시험 시간과 장소를 "
                                    "관리합니다.</p>"
                                ),
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>보안은 일상 습관에서 완성됩니다. 퇴근 전에는 책상 위 문서와 저장매체를 "
                                    "정리하고 보관함을 잠그는 클린 데스크를 실천하고, 마지막 퇴실자는 보호구역의 "
                                    "잠금과 경보 설정을 확인합니다. 출입증을 빌려주거나 다른 사람을 뒤따라 함께 "
                                    "들어가는 행위(테일게이팅)는 출입 통제를 무력화하므로 금지하며, 낯선 사람이 "
                                    "보호구역에 있으면 정중하게 방문 목적과 동행자를 확인합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "시험장과 시제기 보관고",
                                    "text": (
                                        "<p>개발 중인 시제기와 시험 데이터는 완제품보다 더 많은 기술 정보를 담고 "
                                        "있습니다. 시험장과 시제기 보관고는 통제구역에 준해 관리하고, 시험이 끝난 "
                                        "뒤에는 기체와 임무장비의 저장매체를 회수합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "info-security",
                        "title": "정보보안과 드론 데이터 보호",
                        "title_en": "Information security and protecting drone data",
                        "study_minutes": 35,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "망분리와 저장매체 통제",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>방산 업무를 하는 기업은 업무망과 인터넷망을 분리하고, 두 망 사이의 자료 "
                                    "이동은 승인 절차가 있는 망연계 시스템으로만 합니다. 이동식 저장매체는 회사가 "
                                    "등록·관리하는 보안 USB만 쓰고, 개인 USB나 외장하드는 연결하지 않습니다. 중요 "
                                    "문서는 문서보안(DRM)으로 암호화하고, 출력물에는 출력자 정보가 담긴 워터마크를 "
                                    "넣습니다.</p><p>외부 이메일 발송과 클라우드 업로드는 회사 정책에 따라 "
                                    "제한됩니다. 특히 번역기, 생성형 AI 서비스, 온라인 문서 변환기에 내부 자료를 "
                                    "붙여 넣는 것은 자료를 외부 서버에 넘기는 것과 같으므로 금지됩니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "드론 개발 데이터의 보호",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "드론 개발 데이터별 위험과 보호 방법",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "데이터",
                                                "위험",
                                                "보호 방법",
                                            ],
                                            [
                                                "비행 로그(.ulg, .bin)",
                                                "시험 장소, 비행 성능, 파라미터 노출",
                                                "업무망에 보관, 공개 웹 분석 서비스 업로드 금지",
                                            ],
                                            [
                                                "영상·사진",
                                                "시설과 장비 촬영, 위치 메타데이터",
                                                "촬영 승인, 외부 제공 전 메타데이터 제거",
                                            ],
                                            [
                                                "펌웨어 소스·파라미터",
                                                "성능과 취약점 노출",
                                                "형상관리 서버, 최소 권한 접근",
                                            ],
                                            [
                                                "설계 도면·규격서",
                                                "핵심기술 유출",
                                                "DRM, 출력·반출 통제",
                                            ],
                                            [
                                                "상용 드론 앱 데이터",
                                                "제조사 서버로 자동 전송",
                                                "오프라인 모드, 데이터 공유 해제, 승인 기체만 사용",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>공급망도 보안 대상입니다. 상용 비행제어기, 카메라, 무선 모뎀의 펌웨어는 "
                                    "제조사의 공식 배포처에서만 받고, 배포처가 공개한 해시값으로 파일이 변조되지 "
                                    "않았는지 확인합니다. 외국산 드론이나 부품을 시험에 쓸 때는 위치·영상 데이터를 "
                                    "외부로 전송하는 기능이 있는지 먼저 검토합니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "bash",
                                    "code": (
                                        "# 내려받은 펌웨어의 SHA-256 해시 계산\n"
                                        "sha256sum px4_fmu-v6x_default.px4\n"
                                        "\n"
                                        "# 배포처가 공개한 해시값(PUBLISHED_SHA256 변수)과 자동 비교: 일치하면 OK "
                                        "출력\n"
                                        'echo "${PUBLISHED_SHA256}  px4_fmu-v6x_default.px4" | sha256sum -c -'
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>계정 관리도 기본입니다. 업무 시스템 계정은 개인별로 발급해 공유하지 않고, "
                                    "추측하기 어려운 비밀번호와 다중 인증(MFA)을 사용합니다. 개발 서버와 형상관리 "
                                    "저장소의 권한은 과제별로 최소한으로 부여하고, 과제가 끝나거나 담당이 바뀌면 "
                                    "즉시 회수합니다. 재택·출장 중 업무는 회사가 승인한 보안 노트북과 VPN으로만 "
                                    "하며, 공용 PC나 공용 와이파이에서는 업무 시스템에 접속하지 않습니다. "
                                    "노트북에는 디스크 전체 암호화를 적용해 분실되더라도 자료를 읽을 수 없게 "
                                    "합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "security",
                                    "title": "표적형 피싱 주의",
                                    "text": (
                                        "<p>방산업체와 협력업체를 노린 해킹 시도는 꾸준히 보도되고 있으며, 발주 "
                                        "기관이나 협력사를 사칭한 이메일이 자주 쓰입니다. 예상하지 못한 첨부파일, "
                                        "로그인 페이지로 이어지는 링크, 평소와 다른 송금·자료 요청은 열기 전에 "
                                        "보낸 사람에게 전화로 확인하고 보안담당자에게 신고하세요.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "incident-response",
                        "title": "기술유출 징후와 신고",
                        "title_en": "Signs of technology leakage and reporting",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "유출 징후 알아차리기",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>기술 유출은 대부분 사전에 징후를 보입니다. 다음과 같은 행동이 반복되면 "
                                    "보안담당자가 확인할 수 있도록 알려야 합니다.</p><ul><li>업무와 관련 없는 "
                                    "자료를 대량으로 열람하거나 내려받음</li><li>퇴사나 이직을 앞두고 자료 반출, "
                                    "출력, 개인 메일 전송을 시도함</li><li>개인 클라우드나 메신저로 업무 파일을 "
                                    "옮김</li><li>근무 시간 외에 이유 없이 보호구역을 자주 출입함</li><li>학회, "
                                    "전시회, SNS 구인 제안 등을 통해 외부인이 기술 세부사항을 지나치게 묻거나 고액 "
                                    "자문을 제안함</li><li>해외 출장 중 노트북이나 저장매체가 분실되거나 잠시 "
                                    "사라졌다 돌아옴</li></ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "발생 시 조치",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ol><li>알게 된 즉시 회사 보안담당자에게 보고합니다.</li><li>증거를 "
                                    "보존합니다. 관련 PC를 임의로 끄거나 포맷하지 말고, 로그와 저장매체를 그대로 "
                                    "둡니다. 개인이 직접 조사하거나 당사자를 추궁하지 않습니다.</li><li>회사는 "
                                    "방위산업기술의 유출이나 침해가 발생했거나 그 우려가 있으면 관계 법령에 따라 "
                                    "방위사업청과 정보수사기관에 지체 없이 신고하고, 피해 확산을 막는 조치를 "
                                    "합니다.</li><li>원인을 분석해 재발 방지 대책을 세우고 보안교육에 "
                                    "반영합니다.</li></ol>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "기술유출·간첩 관련 신고처",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "기관",
                                                "신고 전화",
                                                "비고",
                                            ],
                                            [
                                                "국가정보원",
                                                "111(국번 없이)",
                                                "산업기술 유출, 간첩 신고",
                                            ],
                                            [
                                                "국군방첩사령부",
                                                "1337(국번 없이)",
                                                "군사기밀·방산기술 유출 신고",
                                            ],
                                            [
                                                "경찰청",
                                                "112",
                                                "긴급 범죄 신고",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "신고자 보호",
                                    "text": (
                                        "<p>신고자의 신분은 관계 법령에 따라 보호되며, 선의로 신고한 내용이 사실로 "
                                        "확인되지 않더라도 불이익을 주어서는 안 됩니다. 망설여질 때는 사내 "
                                        "보안담당자와 먼저 상담하세요.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>방위산업기술을 부정하게 취득·사용·공개하거나 유출하면 방위산업기술보호법에 "
                                    "따라 무거운 징역형이나 벌금형을 받으며, 외국에서 사용하거나 사용되게 할 "
                                    "목적의 유출은 국내 유출보다 더 무겁게 처벌합니다. 미수와 예비·음모도 처벌 "
                                    "대상입니다. 개인 처벌과 별개로 회사는 방산 계약 참여 제한 등 경영상 큰 "
                                    "불이익을 받을 수 있습니다.</p>"
                                ),
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "flight-safety-aviation-law",
        "institute": "dqsi",
        "title": "드론 비행안전과 항공법규",
        "title_en": "Drone Flight Safety and Aviation Law",
        "summary": (
            "항공안전법의 초경량비행장치 분류, 신고와 조종자 증명, 관제권·비행금지구역과 150 m 고도 기준, "
            "비행승인과 특별비행승인, 기상 판단과 사고 보고를 학습합니다."
        ),
        "summary_en": (
            "Drone rules under Korea's Aviation Safety Act: classification, registration and pilot certificates, "
            "controlled and prohibited airspace, the 150 m limit, flight and special flight approvals, weather "
            "judgement and accident reporting."
        ),
        "category": "piloting",
        "level": "beginner",
        "study_hours": 3,
        "delivery_mode": "online",
        "enrolment_policy": "open",
        "outcomes": [
            "항공안전법상 무인동력비행장치의 분류, 기체 신고, 조종자 증명 종별 기준을 설명할 수 있다.",
            "관제권, 비행금지구역, 150 m 고도 기준 등 비행승인이 필요한 경우를 판단할 수 있다.",
            "조종자 준수사항과 특별비행승인의 대상을 구분할 수 있다.",
            "기상 요소와 위험도를 평가해 비행 여부(Go/No-Go)를 결정할 수 있다.",
            "초경량비행장치 사고 발생 시 보고 절차를 따르고 비행기록을 관리할 수 있다.",
        ],
        "outcomes_en": [
            (
                "Explain the classification, registration and pilot certificate classes of unmanned aircraft under "
                "the Act."
            ),
            "Judge when a flight approval is needed: controlled zones, prohibited areas, the 150 m limit and more.",
            "Distinguish the operator's obligations from what a special flight approval can allow.",
            "Assess weather and risk to make a go/no-go decision.",
            "Follow accident reporting procedures and keep flight records.",
        ],
        "prerequisites": [],
        "overview": [
            {
                "type": "heading",
                "value": {
                    "text": "과정 소개",
                    "size": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>방산 기업의 드론 개발자와 시험 담당자는 개발 단계의 시험비행, 전시회 시연, 교육 비행에서 "
                    "민간 항공법규를 지켜야 합니다. 이 과정은 항공안전법의 드론 관련 규정과 비행안전 관리의 기본을 "
                    "사례 중심으로 정리합니다.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "note",
                    "title": "법령 개정 확인",
                    "text": (
                        "<p>드론 관련 법령과 고시는 자주 개정됩니다. 이 과정의 내용은 학습 시점의 일반 원칙이며, "
                        "실제 비행 전에는 국가법령정보센터와 드론원스톱 민원서비스에서 최신 기준을 확인하세요.</p>"
                    ),
                },
            },
        ],
        "modules": [
            {
                "title": "항공안전법 기초",
                "title_en": "Aviation Safety Act basics",
                "lessons": [
                    {
                        "slug": "drone-classification",
                        "title": "초경량비행장치의 분류와 신고·자격",
                        "title_en": "Classification, registration and pilot certificates",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "드론의 법적 분류",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>항공안전법은 드론을 <b>초경량비행장치</b> 가운데 <b>무인비행장치</b>로 "
                                    "분류합니다. 무인비행장치는 연료의 무게를 제외한 자체중량이 150 kg 이하인 "
                                    "무인비행기, 무인헬리콥터, 무인멀티콥터를 묶은 <b>무인동력비행장치</b>와, "
                                    "자체중량 180 kg 이하이고 길이 20 m 이하인 <b>무인비행선</b>으로 나뉩니다. "
                                    "자체중량이 150 kg을 넘는 무인기는 초경량비행장치가 아니라 "
                                    "항공기(무인항공기)로서 훨씬 엄격한 규정을 받습니다.</p><p>항공안전법 제3조에 "
                                    "따라 군용항공기와 그 운용에는 이 법이 적용되지 않습니다. 그러나 기업이 개발 "
                                    "중인 시제기를 민간 공역에서 시험하거나 상용 드론으로 교육·시연 비행을 할 때는 "
                                    "항공안전법을 따라야 하므로, 군용드론을 만드는 회사도 민간 법규를 알아야 "
                                    "합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "무인동력비행장치 조종자 증명 종별(2021년 3월 시행)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "종별",
                                                "대상 기체(최대이륙중량)",
                                                "취득 요건 요지",
                                            ],
                                            [
                                                "1종",
                                                "25 kg 초과, 자체중량 150 kg 이하",
                                                "학과시험, 비행경력, 실기시험",
                                            ],
                                            [
                                                "2종",
                                                "7 kg 초과 25 kg 이하",
                                                "학과시험, 비행경력, 실기시험",
                                            ],
                                            [
                                                "3종",
                                                "2 kg 초과 7 kg 이하",
                                                "학과시험, 비행경력, 실기시험",
                                            ],
                                            [
                                                "4종",
                                                "250 g 초과 2 kg 이하",
                                                "온라인 교육 이수",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>상위 종별 자격은 하위 종별 기체도 조종할 수 있습니다. 최대이륙중량 250 g "
                                    "이하 기체는 조종자 증명이 필요 없지만, 비행금지구역이나 야간 비행 제한 같은 "
                                    "준수사항은 똑같이 적용됩니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "기체 신고, 안전성인증, 보험",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul><li><b>신고</b>: 사업용 드론은 무게와 관계없이, 비사업용 드론은 "
                                    "최대이륙중량 2 kg을 넘으면 한국교통안전공단에 신고하고 신고번호를 기체에 "
                                    "표시해야 합니다.</li><li><b>안전성인증</b>: 최대이륙중량 25 kg을 넘는 기체는 "
                                    "항공안전기술원의 안전성인증을 받아야 비행할 수 있으며, 인증에는 유효기간이 "
                                    "있어 정기적으로 다시 받아야 합니다.</li><li><b>보험</b>: 드론으로 "
                                    "사업(초경량비행장치사용사업)을 하려면 제3자 배상책임보험에 가입해야 "
                                    "합니다.</li></ul>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "최대이륙중량과 자체중량",
                                    "text": (
                                        "<p><b>자체중량</b>은 연료와 탑재물을 뺀 기체 자체의 무게이고, "
                                        "<b>최대이륙중량</b>은 기체가 이륙할 수 있는 최대 무게로 배터리와 탑재물을 "
                                        "모두 포함합니다. 조종자 증명 종별과 신고·안전성인증 기준은 "
                                        "최대이륙중량을, 초경량비행장치 해당 여부는 자체중량을 기준으로 "
                                        "판단합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "airspace",
                        "title": "비행공역: 관제권·비행금지구역·고도 제한",
                        "title_en": "Airspace: control zones, prohibited areas and the altitude limit",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "비행승인이 필요한 공역",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>드론은 아무 곳에서나 날릴 수 있는 것이 아닙니다. 항공안전법은 다음 경우에 "
                                    "<b>비행승인</b>을 받도록 합니다. 공항 주변의 <b>관제권</b>(공항 중심 반경 약 "
                                    "9.3 km), 국가 주요 시설을 보호하기 위한 <b>비행금지구역</b>, 군 사격장 등의 "
                                    "<b>비행제한구역</b>, 그리고 공역과 관계없이 <b>고도 150 m 이상</b>에서 비행할 "
                                    "때입니다. 또한 최대이륙중량 25 kg을 넘는 기체는 어느 공역에서든 비행승인을 "
                                    "받아야 합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "공역별 필요한 조치",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "구분",
                                                "예",
                                                "필요한 조치",
                                            ],
                                            [
                                                "관제권",
                                                "공항 중심 반경 약 9.3 km(5 해리)",
                                                "비행승인(민간공항은 지방항공청, 군 비행장은 관할 부대)",
                                            ],
                                            [
                                                "비행금지구역(P)",
                                                "P-73(서울 도심), P-518(휴전선 인근), P-61~P-65(원자력 시설 주변)",
                                                "비행승인(관할 기관 협의)",
                                            ],
                                            [
                                                "비행제한구역(R)",
                                                "군 사격장 등",
                                                "비행승인",
                                            ],
                                            [
                                                "고도 150 m 이상",
                                                "모든 지역",
                                                "비행승인",
                                            ],
                                            [
                                                "초경량비행장치 비행구역(UA)",
                                                "지정된 전용 구역",
                                                "승인 없이 비행 가능(준수사항은 적용)",
                                            ],
                                            [
                                                "그 밖의 지역(150 m 미만)",
                                                "위에 해당하지 않는 대부분 지역",
                                                "25 kg 이하 기체는 승인 불필요",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "150 m 고도 기준",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>150 m는 이륙 지점이 아니라 <b>지표면·수면 또는 물건의 상단</b>을 기준으로 "
                                    "합니다. 평지에서 100 m로 비행하다가 골짜기 위를 지나면 지표면으로부터의 "
                                    "고도가 150 m를 넘을 수 있습니다. 자동 임무를 계획할 때는 지형 고도를 "
                                    "반영하고, 비행제어기의 최대 고도 제한(지오펜스)을 함께 "
                                    "설정합니다.</p><p>비행승인은 <b>드론원스톱 민원서비스</b>에서 신청하며, "
                                    "처리에 며칠이 걸리므로 여유를 두고 신청합니다. 사진이나 영상을 촬영하려면 "
                                    "비행승인과 별개로 국방부의 <b>항공촬영 허가</b>가 필요할 수 있고, 같은 "
                                    "서비스에서 함께 신청할 수 있습니다. 승인서에 적힌 일시, 구역, 고도, 조건을 "
                                    "벗어나면 승인 없이 비행한 것과 같습니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "대전 지역 비행 시 유의",
                                    "text": (
                                        "<p>대전 유성구의 원자력 연구시설 일대에는 비행금지구역 <b>P-65</b>가 "
                                        "설정되어 있어, 연구단지 인근에서 비행하려면 위치가 금지구역에 걸리는지 "
                                        "반드시 확인해야 합니다. 다른 관제권이나 비행제한구역에 걸리는지도 함께 "
                                        "확인하세요.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>공역 정보는 드론원스톱 민원서비스의 지도와 국토교통부가 지원하는 공역 조회 "
                                    "앱으로 확인할 수 있습니다. 다만 앱의 표시는 참고용이며, 임시 비행금지(행사, "
                                    "주요 인사 이동 등)는 항공고시보(NOTAM)로 공지되므로 비행 당일 다시 "
                                    "확인합니다.</p>"
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "title": "비행 운영과 안전관리",
                "title_en": "Flight operations and safety management",
                "lessons": [
                    {
                        "slug": "operating-rules",
                        "title": "조종자 준수사항과 특별비행승인",
                        "title_en": "Operator obligations and special flight approval",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "조종자 준수사항",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>항공안전법 제129조와 시행규칙은 초경량비행장치 조종자가 지켜야 할 사항을 "
                                    "정하고 있습니다. 주요 내용은 다음과 같습니다.</p><ul><li>인명이나 재산에 "
                                    "위험을 줄 수 있는 낙하물을 투하하지 않습니다.</li><li>사람이나 건축물이 "
                                    "밀집한 지역의 상공, 많은 사람이 모인 곳의 상공에서 위험한 비행을 하지 "
                                    "않습니다.</li><li>관제공역, 통제공역, 주의공역에서는 승인 없이 비행하지 "
                                    "않습니다.</li><li>안개 등으로 지상 목표물을 육안으로 식별할 수 없는 상태에서 "
                                    "비행하지 않습니다.</li><li><b>일몰 후부터 일출 전까지</b> 야간에 비행하지 "
                                    "않습니다.</li><li>주류, 마약류, 환각물질의 영향을 받은 상태에서 조종하지 "
                                    "않습니다.</li><li>조종자가 <b>육안으로 기체를 확인할 수 있는 범위 "
                                    "안</b>에서만 비행합니다.</li></ul>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "금지 사항과 예외 절차",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "행위",
                                                "원칙",
                                                "가능하게 하는 절차",
                                            ],
                                            [
                                                "야간 비행",
                                                "금지",
                                                "특별비행승인",
                                            ],
                                            [
                                                "가시권 밖 비행",
                                                "금지",
                                                "특별비행승인",
                                            ],
                                            [
                                                "고도 150 m 이상 비행",
                                                "승인 필요",
                                                "비행승인",
                                            ],
                                            [
                                                "관제권·비행금지구역 비행",
                                                "승인 필요",
                                                "비행승인",
                                            ],
                                            [
                                                "음주·약물 상태 조종",
                                                "금지",
                                                "예외 없음",
                                            ],
                                            [
                                                "위험한 낙하물 투하",
                                                "금지",
                                                "예외 없음",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "특별비행승인",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>야간 비행이나 가시권 밖 비행이 꼭 필요하면 국토교통부장관의 "
                                    "<b>특별비행승인</b>을 받아야 합니다. 신청자는 기체 성능, 비상 시 대응 계획, "
                                    "충돌 방지 수단, 통신 두절 시 자동 귀환 기능, 조종자 교육 이력, 보험 가입 등을 "
                                    "담은 안전 자료를 제출하고, 항공안전기술원의 검사를 거쳐 승인 여부가 "
                                    "결정됩니다. 야간 비행에서는 기체 위치를 확인할 수 있는 충돌방지등과 주변을 "
                                    "비추는 조명 등이 요구됩니다. 검토에 시간이 오래 걸리므로 시험 일정이 정해지면 "
                                    "바로 준비를 시작하는 것이 좋습니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "세 가지 서로 다른 절차",
                                    "text": (
                                        "<p><b>비행승인</b>(공역·고도), <b>특별비행승인</b>(야간·가시권 밖), "
                                        "<b>항공촬영 허가</b>(촬영)는 서로 다른 절차입니다. 예를 들어 관제권 "
                                        "안에서 야간에 촬영하려면 세 가지를 모두 받아야 합니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>준수사항을 어기면 과태료나 벌금 같은 제재를 받고, 사고가 나면 민형사상 "
                                    "책임도 집니다. 회사 업무로 비행할 때는 조종자 개인뿐 아니라 회사도 책임을 질 "
                                    "수 있으므로, 비행 계획서와 승인서를 회사 차원에서 검토하고 보관하는 절차를 "
                                    "두는 것이 좋습니다.</p>"
                                ),
                            },
                        ],
                    },
                    {
                        "slug": "weather-risk",
                        "title": "기상 판단과 비행 위험관리",
                        "title_en": "Weather judgement and flight risk management",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "드론 비행에 영향을 주는 기상 요소",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "기상 요소별 영향과 판단 기준",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "요소",
                                                "영향",
                                                "판단 기준(본 교육기관 운용 기준)",
                                            ],
                                            [
                                                "평균 풍속",
                                                "위치 유지 곤란, 배터리 소모 증가, 맞바람 귀환 불가",
                                                "제조사 최대 풍속의 2/3 이하",
                                            ],
                                            [
                                                "돌풍·난류",
                                                "건물·산 뒤편의 하강기류와 소용돌이",
                                                "구조물 풍하측 비행 회피",
                                            ],
                                            [
                                                "강수",
                                                "전자부 침수, 센서 오작동",
                                                "방수 등급이 없는 기체는 비행 중지",
                                            ],
                                            [
                                                "기온",
                                                "저온 시 배터리 성능 저하, 고온 시 과열",
                                                "0 ℃ 이하에서 배터리 보온, 비행시간 단축",
                                            ],
                                            [
                                                "시정·안개",
                                                "육안 확인 불가",
                                                "지상 목표물 식별 불가 시 비행 금지(법적 준수사항)",
                                            ],
                                            [
                                                "지자기 교란",
                                                "GNSS·컴퍼스 오차",
                                                "Kp 지수 5 이상이면 주의",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>바람은 지표면 마찰 때문에 고도가 높을수록 강해지는 경향이 있습니다. 이륙 "
                                    "지점이 잔잔해도 50~100 m 상공에서는 훨씬 강한 바람이 불 수 있고, 바람을 "
                                    "등지고 나갔다가 맞바람을 안고 돌아올 때 배터리가 부족해지는 사고가 흔합니다. "
                                    "나갈 때 쉽게 나갔다면 돌아올 때는 더 많은 에너지가 필요하다고 생각해야 "
                                    "합니다.</p><p>기상 정보는 기상청 날씨누리의 동네예보와 항공기상청의 공항 "
                                    "관측(METAR)·예보(TAF)를 참고하고, 현장에서는 휴대용 풍속계로 직접 "
                                    "측정합니다.</p>"
                                ),
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>여름철에는 배터리와 전자부의 과열에 주의합니다. 직사광선 아래 차량 안에 "
                                    "배터리를 두지 말고, 비행 직후 배터리가 손으로 잡기 어려울 만큼 뜨겁다면 비행 "
                                    "간격을 늘립니다. 비는 전자부 침수뿐 아니라 프로펠러 효율 저하와 카메라 시야 "
                                    "방해도 일으키므로, 방수 등급(IP)이 있는 기체라도 제조사가 정한 강수 조건 "
                                    "안에서만 운용합니다. 지자기 교란 정도를 나타내는 Kp 지수는 우주기상 예보로 "
                                    "미리 확인할 수 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "위험관리의 기본",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>위험도는 <b>발생 가능성</b>과 <b>심각도</b>의 조합으로 평가합니다. 위험 "
                                    "요인을 찾고, 위험도를 평가하고, 완화 대책을 세운 뒤, 남은 위험(잔여 위험)을 "
                                    "받아들일지 권한 있는 사람이 결정하는 순서입니다. 이는 "
                                    "국제민간항공기구(ICAO)가 제시한 안전관리시스템(SMS)의 핵심 개념이기도 "
                                    "합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "간이 위험도 매트릭스",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "심각도 \\ 가능성",
                                                "드묾",
                                                "가끔",
                                                "자주",
                                            ],
                                            [
                                                "경미(기체 경미 손상)",
                                                "낮음",
                                                "낮음",
                                                "중간",
                                            ],
                                            [
                                                "중대(기체 파손, 재산 피해)",
                                                "낮음",
                                                "중간",
                                                "높음",
                                            ],
                                            [
                                                "치명(인명 피해)",
                                                "중간",
                                                "높음",
                                                "높음",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "Go/No-Go 결정",
                                    "text": (
                                        "<p>비행 전 브리핑에서 판단 기준 중 하나라도 넘으면 비행을 취소하거나 "
                                        "연기합니다. 비행 취소를 제안한 사람을 탓하지 않는 문화(공정 문화, just "
                                        "culture)가 있어야 팀원이 위험 신호를 솔직하게 말할 수 있습니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>조종자 자신의 상태도 위험 요인입니다. 항공 분야에서 널리 쓰는 "
                                    "<b>IMSAFE</b> 점검은 질병(Illness), 약물(Medication), 스트레스(Stress), "
                                    "음주(Alcohol), 피로(Fatigue), 감정과 식사(Emotion/Eating)를 스스로 확인하는 "
                                    "방법입니다. 하나라도 문제가 있으면 다른 조종자에게 비행을 넘깁니다.</p>"
                                ),
                            },
                        ],
                    },
                    {
                        "slug": "accident-records",
                        "title": "사고 보고와 비행기록 관리",
                        "title_en": "Accident reporting and flight records",
                        "study_minutes": 25,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "초경량비행장치 사고란",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>항공안전법은 초경량비행장치를 사용해 비행을 목적으로 이륙하는 순간부터 "
                                    "착륙할 때까지 일어난 다음 사건을 <b>초경량비행장치사고</b>로 "
                                    "정의합니다.</p><ul><li>초경량비행장치로 인한 사람의 사망, 중상 또는 "
                                    "행방불명</li><li>초경량비행장치의 추락, 충돌 또는 화재 "
                                    "발생</li><li>초경량비행장치의 위치를 확인할 수 없거나 초경량비행장치에 접근할 "
                                    "수 없는 경우</li></ul><p>사고가 나면 <b>조종자</b>가, 조종자가 보고할 수 없을 "
                                    "때는 <b>소유자</b>가 지체 없이 국토교통부장관(관할 지방항공청)에게 보고해야 "
                                    "합니다. 보고에는 조종자와 기체 정보, 사고 일시와 장소, 피해 내용, 사고 경위를 "
                                    "담습니다. 사람이 사망하거나 크게 다친 사고는 항공·철도사고조사위원회가 조사할 "
                                    "수 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "사고 현장에서",
                                    "text": (
                                        "<p>인명 구조와 119 신고가 최우선입니다. 추락한 기체의 배터리는 뒤늦게 "
                                        "불이 붙을 수 있으므로 부풀음과 연기를 살피며 안전하게 분리하고, 사진 촬영 "
                                        "후 현장을 보존합니다. 로그가 저장된 비행제어기와 지상국 장비는 전원을 "
                                        "함부로 다시 켜지 말고 보관합니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "비행기록(비행일지) 관리",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "비행일지 기록 항목",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "항목",
                                                "기록 예",
                                            ],
                                            [
                                                "일시",
                                                "2026-03-12 10:20~10:38",
                                            ],
                                            [
                                                "장소",
                                                "교육기관 시험장(좌표 또는 지번), 승인번호",
                                            ],
                                            [
                                                "기체",
                                                "기체 번호, 신고번호, 펌웨어 버전",
                                            ],
                                            [
                                                "인원",
                                                "조종자, 관찰자",
                                            ],
                                            [
                                                "배터리",
                                                "배터리 번호, 비행 전후 전압",
                                            ],
                                            [
                                                "비행 내용",
                                                "임무 종류, 최대 고도, 비행시간",
                                            ],
                                            [
                                                "기상",
                                                "풍속·풍향, 기온, 시정",
                                            ],
                                            [
                                                "특이사항",
                                                "경고 메시지, 결함, 조치 내용",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>비행일지는 조종자 증명 취득과 교관 자격에 필요한 비행경력의 증빙이 되고, "
                                    "기체와 배터리의 정비 주기를 관리하는 근거가 되며, 사고가 났을 때 원인을 "
                                    "밝히는 자료가 됩니다. 비행제어기 로그 파일은 일지와 같은 이름 규칙으로 백업해 "
                                    "두면 나중에 찾기 쉽습니다.</p><p>사고로 이어지지 않은 "
                                    "<b>아차사고</b>(준사고)도 기록하고 공유해야 같은 실수를 막을 수 있습니다. "
                                    "항공 분야에는 누구나 안전 위해 요인을 보고할 수 있는 항공안전 자율보고 제도가 "
                                    "있으며, 회사 안에서도 보고자를 탓하지 않는 자율보고 체계를 운영하는 것이 "
                                    "좋습니다.</p>"
                                ),
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "defense-quality-management",
        "institute": "dqsi",
        "title": "국방 품질경영 기초",
        "title_en": "Fundamentals of Defense Quality Management",
        "summary": (
            "KS Q ISO 9001과 AS9100, 국방품질경영시스템의 요구사항, 국방 품질보증과 형상관리, 부적합 관리와 "
            "시정조치, 샘플링 검사와 공정능력 지수를 드론 부품 사례로 배웁니다."
        ),
        "summary_en": (
            "KS Q ISO 9001, AS9100 and the defense quality management system, defense quality assurance and "
            "configuration management, nonconformance and corrective action, sampling and process capability, "
            "illustrated with drone components."
        ),
        "category": "quality_security",
        "level": "beginner",
        "study_hours": 3,
        "delivery_mode": "online",
        "enrolment_policy": "open",
        "outcomes": [
            "ISO 9001:2015의 조항 구조와 7대 품질경영 원칙을 설명할 수 있다.",
            "AS9100과 국방품질경영시스템이 ISO 9001에 더하는 요구사항을 구분할 수 있다.",
            "국방 품질보증 활동과 형상관리의 기능을 이해하고 설계 변경 절차를 따를 수 있다.",
            "부적합품을 처분하고 근본원인 분석으로 시정조치를 수립할 수 있다.",
            "샘플링 검사 계획을 읽고 Cp·Cpk로 공정능력을 평가할 수 있다.",
        ],
        "outcomes_en": [
            "Explain the clause structure of ISO 9001:2015 and the seven quality management principles.",
            "Distinguish what AS9100 and the defense quality management system add to ISO 9001.",
            "Understand defense quality assurance and configuration management and follow change procedures.",
            "Disposition nonconforming product and plan corrective action through root cause analysis.",
            "Read a sampling plan and assess process capability with Cp and Cpk.",
        ],
        "prerequisites": [],
        "overview": [
            {
                "type": "heading",
                "value": {
                    "text": "과정 소개",
                    "size": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>방산 협력업체가 체계업체와 군에 부품과 장비를 납품하려면 일반 제조업보다 엄격한 품질경영 "
                    "체계를 갖춰야 합니다. 이 과정은 품질 업무를 처음 맡은 담당자와 품질 인증을 준비하는 중소기업 "
                    "재직자를 위해 국제 표준과 국방 품질보증의 기본을 정리합니다.</p>"
                ),
            },
            {
                "type": "table",
                "value": {
                    "caption": "과정에서 다루는 표준과 제도",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            [
                                "구분",
                                "명칭",
                                "주관",
                            ],
                            [
                                "일반 품질경영",
                                "KS Q ISO 9001:2015",
                                "국제표준화기구(ISO), 국가기술표준원(KS 부합화)",
                            ],
                            [
                                "항공우주·방산",
                                "AS9100D(EN 9100, JISQ 9100)",
                                "국제항공우주품질그룹(IAQG)",
                            ],
                            [
                                "국방",
                                "국방품질경영시스템 인증",
                                "국방기술품질원",
                            ],
                            [
                                "샘플링 검사",
                                "KS Q ISO 2859-1",
                                "국제표준화기구(ISO)",
                            ],
                        ],
                    },
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "note",
                    "title": "수료 후 연계",
                    "text": (
                        "<p>이 과정을 마친 뒤 내부심사원 양성 과정이나 인증기관의 심사원 교육으로 이어 가면 사내 "
                        "품질 인증 준비에 도움이 됩니다.</p>"
                    ),
                },
            },
        ],
        "modules": [
            {
                "title": "품질경영시스템",
                "title_en": "Quality management systems",
                "lessons": [
                    {
                        "slug": "qms-basics",
                        "title": "품질경영시스템과 ISO 9001",
                        "title_en": "Quality management systems and ISO 9001",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "품질경영시스템이란",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>품질은 제품이나 서비스가 요구사항을 충족하는 정도입니다. "
                                    "<b>품질경영시스템(QMS)</b>은 조직이 품질 방침과 목표를 세우고 이를 달성하기 "
                                    "위해 프로세스, 책임, 자원을 체계적으로 관리하는 틀입니다. 국제 표준 ISO "
                                    "9001:2015는 우리나라에서 KS Q ISO 9001:2015로 부합화되어 있으며, 인증기관의 "
                                    "심사를 통과하면 인증서를 받습니다.</p><p>ISO 9001은 세 가지 사고방식을 "
                                    "바탕으로 합니다. 계획-실행-점검-조치를 반복하는 <b>PDCA 사이클</b>, 업무를 "
                                    "입력과 출력이 연결된 프로세스로 보고 관리하는 <b>프로세스 접근법</b>, 그리고 "
                                    "목표 달성을 방해할 수 있는 위험과 기회를 미리 다루는 <b>리스크 기반 "
                                    "사고</b>입니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "ISO 9001:2015의 조항 구조(4~10항)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "조항",
                                                "제목",
                                                "주요 내용",
                                                "PDCA",
                                            ],
                                            [
                                                "4",
                                                "조직의 상황",
                                                "내·외부 이슈, 이해관계자 요구, QMS 적용 범위",
                                                "Plan",
                                            ],
                                            [
                                                "5",
                                                "리더십",
                                                "최고경영자 책임, 품질방침, 역할과 권한",
                                                "Plan",
                                            ],
                                            [
                                                "6",
                                                "기획",
                                                "리스크와 기회 조치, 품질목표, 변경 기획",
                                                "Plan",
                                            ],
                                            [
                                                "7",
                                                "지원",
                                                "자원, 역량, 인식, 의사소통, 문서화된 정보",
                                                "Do",
                                            ],
                                            [
                                                "8",
                                                "운용",
                                                (
                                                    "요구사항 검토, 설계·개발, 외부 공급자 관리, 생산, 출하, "
                                                    "부적합 출력물 관리"
                                                ),
                                                "Do",
                                            ],
                                            [
                                                "9",
                                                "성과 평가",
                                                "모니터링·측정, 고객만족, 내부심사, 경영검토",
                                                "Check",
                                            ],
                                            [
                                                "10",
                                                "개선",
                                                "부적합과 시정조치, 지속적 개선",
                                                "Act",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "7대 품질경영 원칙",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>ISO 9000:2015는 품질경영의 바탕이 되는 일곱 가지 원칙을 "
                                    "제시합니다.</p><ol><li>고객 중시</li><li>리더십</li><li>인원의 적극 "
                                    "참여</li><li>프로세스 접근법</li><li>개선</li><li>증거 기반 "
                                    "의사결정</li><li>관계 관리</li></ol><p>드론 부품을 만드는 중소기업에 "
                                    "적용하면, 설계·개발(8.3항)에서는 설계 검토와 검증, 실제 운용 조건에서의 "
                                    "실증(타당성 확인)을 계획하고 기록해야 하며, 외부 공급자 관리(8.4항)에서는 "
                                    "모터·배터리·비행제어기 공급사를 평가하고 수입검사 기준을 정해야 합니다.</p>"
                                ),
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>인증은 최초 인증심사(1단계 문서심사, 2단계 현장심사)를 거쳐 보통 3년 "
                                    "유효기간의 인증서를 받고, 그 사이 매년 사후관리심사를, 3년마다 갱신심사를 "
                                    "받는 주기로 운영됩니다. 심사를 통과하는 것보다 중요한 것은 내부심사와 "
                                    "경영검토를 실제 개선의 도구로 쓰는 것입니다. 서류만 갖춘 품질경영시스템은 "
                                    "현장의 불량을 줄이지 못합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "문서화된 정보",
                                    "text": (
                                        "<p>2015년판은 '문서'와 '기록'을 <b>문서화된 정보</b>로 통합했습니다. "
                                        "절차서처럼 최신 상태로 <b>유지</b>(maintain)하는 것은 예전의 문서에, "
                                        "결과의 증거로 <b>보유</b>(retain)하는 것은 예전의 기록에 해당합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "as9100-defense",
                        "title": "AS9100과 국방품질경영시스템",
                        "title_en": "AS9100 and the defense quality management system",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "항공우주·방산 품질 표준 AS9100",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>AS9100은 국제항공우주품질그룹(IAQG)이 ISO 9001에 항공우주·방산 산업의 추가 "
                                    "요구사항을 더해 만든 표준입니다. 현행 AS9100D(2016)는 ISO 9001:2015의 조항 "
                                    "구조를 그대로 따르며, 유럽에서는 EN 9100, 일본에서는 JISQ 9100으로 같은 "
                                    "내용이 발행됩니다. 인증 현황은 IAQG의 OASIS 데이터베이스에서 조회할 수 있어, "
                                    "해외 체계업체는 공급업체를 선정할 때 이를 확인합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "AS9100D의 주요 추가 요구사항",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "요구사항",
                                                "내용",
                                            ],
                                            [
                                                "운용 리스크 관리(8.1.1)",
                                                "생산·납품 프로세스의 위험을 식별하고 완화 조치를 관리",
                                            ],
                                            [
                                                "형상관리(8.1.2)",
                                                "제품 형상을 식별·통제하고 변경 이력과 상태를 기록",
                                            ],
                                            [
                                                "제품 안전(8.1.3)",
                                                "제품 수명주기 전체에 걸쳐 안전에 영향을 주는 요소를 관리",
                                            ],
                                            [
                                                "위조 부품 방지(8.1.4)",
                                                "위조·의심 부품 유입 방지, 인가된 공급원 이용, 검증과 격리",
                                            ],
                                            [
                                                "초도품 검사(FAI)",
                                                "첫 생산품이 설계 요구사항을 모두 충족하는지 AS9102 양식으로 검증",
                                            ],
                                            [
                                                "인적 요인",
                                                "부적합 원인 분석과 예방에서 인적 오류를 고려",
                                            ],
                                            [
                                                "납기 성과",
                                                "정시 납품(OTD)과 제품 적합성을 지표로 감시",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>위조 부품 방지는 전자부품을 많이 쓰는 드론 업체에 특히 중요합니다. 단종된 "
                                    "반도체나 품귀 부품을 비공식 유통망에서 급히 구하면 재표시된 중고품이나 "
                                    "위조품이 섞일 위험이 커집니다. 제조사나 정식 대리점 같은 인가된 공급원에서 "
                                    "구매하고, 부득이하게 다른 경로를 쓸 때는 외관·표기 검사와 전기적 시험 등 추가 "
                                    "검증을 거치며, 의심 부품은 격리하고 고객에게 보고합니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "국방품질경영시스템 인증",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>국내 군수품 조달 업체를 위해서는 <b>국방기술품질원</b>이 운영하는 "
                                    "<b>국방품질경영시스템 인증</b>이 있습니다. ISO 9001의 요구사항에 국방 분야에 "
                                    "필요한 추가 요구사항을 더한 기준으로 업체의 품질경영 체계를 심사해 인증하며, "
                                    "인증 업체는 정부 품질보증 활동과 조달 과정에서 유리한 평가를 받을 수 "
                                    "있습니다. 체계업체들도 협력업체를 평가할 때 이 인증 여부를 중요하게 "
                                    "봅니다.</p><p>어떤 인증을 받을지는 주요 고객에 따라 정합니다. 국내 군납 "
                                    "비중이 크면 국방품질경영시스템, 해외 항공우주 체계업체에 공급하려면 AS9100이 "
                                    "사실상 필수입니다. 여러 인증을 받을 때는 하나의 품질 매뉴얼과 프로세스로 통합 "
                                    "운영해야 심사 부담과 문서 중복을 줄일 수 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "정부 품질보증과 업체 품질보증",
                                    "text": (
                                        "<p>정부 품질보증은 국방기술품질원이 계약 이행 과정에서 업체의 품질 활동과 "
                                        "제품을 확인하는 활동입니다. 이것이 업체 스스로의 품질보증 책임을 "
                                        "대신하지는 않습니다. 납품 품질의 1차 책임은 언제나 계약업체에 "
                                        "있습니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "품질보증 실무",
                "title_en": "Quality assurance in practice",
                "lessons": [
                    {
                        "slug": "defense-qa-process",
                        "title": "국방 품질보증과 형상관리",
                        "title_en": "Defense quality assurance and configuration management",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "품질보증 활동의 흐름",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>국방 조달 계약이 체결되면 업체는 계약 요구사항과 국방규격(KDS) 등 규격서를 "
                                    "검토하고, 어떤 검사와 관리를 할지 담은 품질보증계획을 세웁니다. 생산 "
                                    "단계에서는 원자재와 구매품을 확인하는 <b>수입검사</b>, 공정 중간의 "
                                    "<b>공정검사</b>, 완제품의 <b>최종검사</b>를 하고, 정부는 계약 조건에 따라 "
                                    "납품 전에 검사와 확인을 합니다. 납품 후에도 야전 운용 중 발견된 결함 정보가 "
                                    "업체로 돌아와 개선에 반영됩니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "검사 단계와 목적",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "단계",
                                                "대상",
                                                "목적",
                                            ],
                                            [
                                                "수입검사",
                                                "구매 부품·원자재(모터, 배터리 셀, 탄소 판재 등)",
                                                "공급자 품질 확인, 위조 부품 차단",
                                            ],
                                            [
                                                "공정검사",
                                                "조립 중간 단계(납땜, 배선, 체결 토크)",
                                                "불량 조기 발견, 다음 공정으로의 유출 방지",
                                            ],
                                            [
                                                "최종검사",
                                                "완성 기체와 구성품",
                                                "규격서 요구사항 충족 확인, 기능 시험",
                                            ],
                                            [
                                                "정부 검사·확인",
                                                "납품 대상 제품과 품질 기록",
                                                "계약 요구사항 충족 확인",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "형상관리",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>형상관리는 제품의 기능적·물리적 특성을 문서로 정의하고, 그 변경을 통제해 "
                                    "언제나 <b>문서와 실물이 일치</b>하도록 하는 활동입니다. 네 가지 기능으로 "
                                    "이루어집니다.</p><ul><li><b>형상식별</b>: 형상 항목을 정하고 "
                                    "기준선(기능·할당·제품 기준선)과 문서를 확정</li><li><b>형상통제</b>: "
                                    "기술변경제안(ECP)을 형상통제위원회(CCB)가 심의해 승인된 변경만 "
                                    "반영</li><li><b>형상상태기록</b>: 현재 형상과 변경 이력, 처리 상태를 "
                                    "기록·보고</li><li><b>형상감사</b>: 기능형상감사(FCA)로 성능 요구 충족을, "
                                    "물리형상감사(PCA)로 실물과 도면의 일치를 확인</li></ul>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "승인 없는 변경 금지",
                                    "text": (
                                        "<p>'성능이 같은 동등품이라서', '더 좋은 부품이라서' 승인 없이 부품이나 "
                                        "공정을 바꾸는 것은 방산 품질에서 가장 흔하면서도 심각한 부적합입니다. "
                                        "변경의 효과가 좋더라도 반드시 정해진 변경 절차를 거쳐야 합니다.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>드론에서는 비행제어 소프트웨어도 중요한 형상 항목입니다. 펌웨어 버전과 Git "
                                    "커밋, 빌드 환경, 파라미터 파일, 배포 바이너리의 해시값을 함께 기록해 두어야 "
                                    "납품한 기체와 똑같은 소프트웨어를 언제든 다시 만들 수 있습니다. 파라미터 "
                                    "하나를 바꾸는 것도 비행 특성을 바꾸는 설계 변경으로 다룹니다.</p>"
                                ),
                            },
                        ],
                    },
                    {
                        "slug": "nonconformance-capa",
                        "title": "부적합 관리와 시정조치",
                        "title_en": "Nonconformance control and corrective action",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "부적합품 처리",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>요구사항을 충족하지 못한 제품이나 부품을 발견하면 먼저 꼬리표를 붙여 "
                                    "<b>식별</b>하고 정상품과 섞이지 않도록 <b>격리</b>한 뒤, 내용을 기록하고 "
                                    "처분을 결정합니다. 처분은 품질, 설계, 생산 담당자로 구성된 "
                                    "재료검토위원회(MRB)가 결정하는 경우가 많습니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "부적합품 처분 유형",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "처분",
                                                "의미",
                                                "유의사항",
                                            ],
                                            [
                                                "재작업(Rework)",
                                                "요구사항에 완전히 적합하도록 다시 작업",
                                                "재작업 후 재검사 필수",
                                            ],
                                            [
                                                "수리(Repair)",
                                                "요구사항을 완전히 충족하지는 못하지만 사용 가능하게 조치",
                                                "방산에서는 고객 승인 필요",
                                            ],
                                            [
                                                "특채(Use as is)",
                                                "부적합 상태 그대로 사용",
                                                "고객·정부 승인 필요, 기록 보존",
                                            ],
                                            [
                                                "폐기(Scrap)",
                                                "사용할 수 없도록 처리",
                                                "재사용 방지 표시 또는 파쇄",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "수정과 시정조치",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p><b>수정</b>(correction)은 발견된 부적합 자체를 없애는 조치이고, "
                                    "<b>시정조치</b>(corrective action)는 부적합의 원인을 제거해 재발을 막는 "
                                    "조치입니다. 불량 커넥터를 새것으로 바꾸는 것은 수정이고, 그 커넥터가 왜 "
                                    "불량이 되었는지 찾아 설계나 공정을 바꾸는 것이 시정조치입니다. ISO "
                                    "9001:2015는 예전의 예방조치 조항을 없애고 리스크 기반 사고로 그 역할을 "
                                    "대신했습니다.</p><p>근본원인은 '왜'를 반복해 묻는 <b>5 Why</b>, 원인을 "
                                    "사람·설비·재료·방법·측정·환경으로 나누어 보는 <b>특성요인도</b>(피시본 "
                                    "다이어그램) 등으로 찾습니다. 고객 불만처럼 큰 문제에는 팀 구성(D1)부터 문제 "
                                    "기술, 임시 조치, 근본원인 분석, 영구 대책 선정, 실행과 검증, 재발 방지, 팀 "
                                    "격려(D8)까지 여덟 단계로 진행하는 <b>8D</b> 보고서를 씁니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "text",
                                    "code": (
                                        "5 Why 분석 예: 시험비행 중 3번 모터 정지\n"
                                        "왜 1) 3번 모터가 멈췄다        -> ESC 신호선 커넥터가 빠져 있었다\n"
                                        "왜 2) 커넥터가 빠졌다          -> 잠금 기능이 없는 커넥터였고 진동으로 "
                                        "풀렸다\n"
                                        "왜 3) 잠금 없는 커넥터를 썼다   -> 설계 시 진동 환경에서의 체결 유지를 "
                                        "검토하지 않았다\n"
                                        "왜 4) 검토하지 않았다          -> 설계 검토 점검표에 '진동 환경 체결' "
                                        "항목이 없었다\n"
                                        "근본원인: 설계 검토 점검표 누락\n"
                                        "수정:     해당 기체 커넥터 재체결, 동일 로트 기체 전수 점검\n"
                                        "시정조치: 잠금식 커넥터(JST-GH)로 설계 변경(ECP), 설계 검토 점검표 개정\n"
                                        "효과 확인: 변경 후 50 비행시간 동안 동일 결함 재발 여부 추적"
                                    ),
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>8D를 진행할 때는 단계마다 산출물을 분명히 남깁니다. D3 임시 조치로는 "
                                    "재고와 출하 대기품을 선별해 고객에게 불량이 더 나가지 않게 하고, D4에서는 "
                                    "'발생 원인'(왜 불량이 만들어졌는가)과 '유출 원인'(왜 검사에서 걸러지지 "
                                    "않았는가)을 나누어 분석합니다. D5~D6에서 영구 대책을 실행한 뒤에는 D7에서 "
                                    "구조가 비슷한 다른 제품과 공정에도 대책을 수평 전개해 유사 불량을 미리 "
                                    "막습니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "효과성 확인 후 종결",
                                    "text": (
                                        "<p>시정조치는 대책을 실행했다고 끝나지 않습니다. 정한 기간 동안 같은 "
                                        "부적합이 다시 나타나지 않는지 데이터로 확인한 뒤에 종결하고, 그 결과를 "
                                        "경영검토에 보고합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "spc-inspection",
                        "title": "검사와 통계적 공정관리 기초",
                        "title_en": "Inspection and statistical process control basics",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "샘플링 검사",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>모든 제품을 검사하는 전수검사는 확실하지만 비용과 시간이 많이 들고, 파괴 "
                                    "시험에는 쓸 수 없습니다. 그래서 로트에서 일부를 뽑아 합격 여부를 판정하는 "
                                    "샘플링 검사를 씁니다. <b>KS Q ISO 2859-1</b>은 계수형 샘플링 검사 표준으로, "
                                    "로트 크기와 검사 수준으로 시료 문자를 정하고, 시료 문자와 "
                                    "<b>합격품질한계(AQL)</b>로 시료 크기(n), 합격판정개수(Ac), "
                                    "불합격판정개수(Re)를 정합니다.</p><p>예를 들어 로트 크기 1,000개, 통상 검사 "
                                    "수준 II이면 시료 문자는 J이고, 보통검사에서 시료 크기는 80개입니다. AQL이 "
                                    "1.0이면 Ac = 2, Re = 3이므로 불량이 2개 이하이면 로트를 합격시키고 3개 "
                                    "이상이면 불합격시킵니다. 다만 비행 안전에 직결되는 치명 결함 항목은 샘플링이 "
                                    "아니라 전수검사로 관리하는 것이 원칙입니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "관리도와 공정능력",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>공정의 산포에는 늘 존재하는 <b>우연원인</b>과 특별한 사건으로 생기는 "
                                    "<b>이상원인</b>이 있습니다. 관리도는 평균과 범위(X̄-R) 등을 시간 순으로 "
                                    "그리고 중심선 ±3σ의 관리한계를 표시해, 점이 관리한계를 벗어나거나 중심선 "
                                    "한쪽에 연속 9점이 나타나는 등의 패턴으로 이상원인을 찾아냅니다. 관리한계는 "
                                    "공정의 실제 산포에서 계산하는 값이고 규격한계는 고객이 요구하는 값이므로 둘을 "
                                    "혼동해서는 안 됩니다.</p><p>공정이 규격을 얼마나 여유 있게 만족하는지는 "
                                    "공정능력 지수로 나타냅니다. <b>Cp</b>는 공정 산포만 보고, <b>Cpk</b>는 평균이 "
                                    "규격 중심에서 치우친 정도까지 반영합니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "text",
                                    "code": (
                                        "Cp  = (USL - LSL) / (6σ)\n"
                                        "Cpk = min(USL - μ, μ - LSL) / (3σ)\n"
                                        "\n"
                                        "예) 드론 암 길이 규격 10.0 ± 0.3 mm (LSL 9.7, USL 10.3)\n"
                                        "    측정 평균 μ = 10.1 mm, 표준편차 σ = 0.05 mm\n"
                                        "    Cp  = 0.6 / 0.30 = 2.00\n"
                                        "    Cpk = min(10.3 - 10.1, 10.1 - 9.7) / 0.15 = min(0.2, 0.4) / 0.15 = "
                                        "1.33\n"
                                        "    -> 산포는 충분히 작지만 평균이 위쪽으로 치우쳐 Cpk가 Cp보다 낮다."
                                    ),
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "Cpk 판정의 일반적 기준",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "Cpk",
                                                "판정",
                                                "조치",
                                            ],
                                            [
                                                "1.67 이상",
                                                "매우 충분",
                                                "검사 축소 검토 가능",
                                            ],
                                            [
                                                "1.33 이상 1.67 미만",
                                                "충분",
                                                "현 상태 유지·관리",
                                            ],
                                            [
                                                "1.00 이상 1.33 미만",
                                                "보통",
                                                "공정 개선 검토, 검사 강화",
                                            ],
                                            [
                                                "1.00 미만",
                                                "부족",
                                                "전수 선별, 공정 개선 필요",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "측정시스템부터 확인",
                                    "text": (
                                        "<p>측정 장비와 측정자의 산포가 크면 공정능력을 제대로 평가할 수 없습니다. "
                                        "측정시스템분석(MSA)의 Gage R&amp;R 결과가 공차 대비 10% 이하이면 양호, "
                                        "10~30%는 조건부 사용, 30%를 넘으면 측정시스템을 먼저 개선해야 합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "drone-imagery-analysis",
        "institute": "usti",
        "title": "드론 영상정보 분석",
        "title_en": "Drone Imagery Analysis",
        "summary": (
            "EO/IR 영상의 특성과 GSD 기반 촬영 계획, EXIF·KLV 메타데이터와 좌표계, 딥러닝 객체 탐지와 IoU·mAP 성능 "
            "지표까지 드론 영상정보 분석의 전 과정을 다룹니다."
        ),
        "summary_en": (
            "From EO/IR image characteristics and GSD-based flight planning through EXIF and KLV metadata and "
            "coordinate systems to deep-learning object detection and its IoU and mAP metrics."
        ),
        "category": "mission_sw",
        "level": "advanced",
        "study_hours": 4,
        "delivery_mode": "online",
        "enrolment_policy": "invitation",
        "outcomes": [
            "EO와 적외선 센서의 파장대별 특성과 열상 영상 해석의 주의점을 설명할 수 있다.",
            "GSD를 계산하고 탐지·인식·식별 목표와 중복도에 맞춰 촬영 계획을 세울 수 있다.",
            "EXIF·XMP·KLV 메타데이터와 비행 로그를 이용해 영상의 시각과 위치를 확인할 수 있다.",
            "WGS84, UTM, Korea 2000 좌표계를 구분하고 좌표 변환을 수행할 수 있다.",
            "객체 탐지 모델의 결과를 IoU, 정밀도, 재현율, mAP로 평가하고 보고할 수 있다.",
        ],
        "outcomes_en": [
            ("Explain the characteristics of EO and infrared bands and the pitfalls of interpreting thermal imagery."),
            "Calculate GSD and plan image capture for detection, recognition and identification goals and overlap.",
            "Establish when and where an image was taken from EXIF, XMP and KLV metadata and flight logs.",
            "Distinguish WGS84, UTM and Korea 2000 coordinate systems and transform between them.",
            "Evaluate and report object detection results with IoU, precision, recall and mAP.",
        ],
        "prerequisites": [
            "mission-sw-px4-ardupilot",
        ],
        "overview": [
            {
                "type": "heading",
                "value": {
                    "text": "과정 소개",
                    "size": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>드론이 수집한 영상은 그 자체보다 '언제, 어디서, 얼마나 자세히' 찍혔는지와 함께 분석될 때 "
                    "정보가 됩니다. 이 과정은 감시정찰·점검용 드론의 영상처리 소프트웨어를 개발하는 엔지니어를 "
                    "위해 영상 획득, 메타데이터, 지리참조, 객체 탐지와 성능평가를 하나의 흐름으로 "
                    "다룹니다.</p><p>고급 과정으로, 교육기관이 협약 과제 참여 기업의 추천 인원에게 초대장을 보내 "
                    "운영합니다. 선수과정인 <b>드론 임무 SW(PX4·ArduPilot) 입문</b>을 먼저 수료해야 합니다.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "security",
                    "title": "실습 데이터 안내",
                    "text": (
                        "<p>실습에는 공개 데이터셋과 교육기관이 승인을 받아 촬영한 시험장 영상만 사용합니다. "
                        "회사의 실제 운용 영상이나 군 시설이 찍힌 영상은 실습 환경에 올리지 마세요.</p>"
                    ),
                },
            },
        ],
        "modules": [
            {
                "title": "영상 획득의 기초",
                "title_en": "Image acquisition basics",
                "lessons": [
                    {
                        "slug": "sensors-imaging",
                        "title": "EO/IR 카메라와 영상의 특성",
                        "title_en": "EO/IR cameras and image characteristics",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "EO 카메라의 기본",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>카메라의 화각(FOV)은 센서 크기와 렌즈 초점거리로 정해집니다. 수평 화각은 2 "
                                    "× atan(센서 폭 / (2 × 초점거리))이며, 1인치 센서(13.2 × 8.8 mm)에 8.8 mm "
                                    "렌즈를 쓰면 수평 화각은 약 74°입니다. 같은 센서에서 초점거리를 늘리면 화각이 "
                                    "좁아지는 대신 먼 물체를 크게 볼 수 있습니다.</p><p>셔터 방식도 분석 품질에 "
                                    "영향을 줍니다. 한 줄씩 차례로 읽는 <b>롤링 셔터</b>는 기체가 빠르게 "
                                    "움직이거나 진동할 때 영상이 기울거나 물결치는 왜곡(젤로 현상)을 만들고, 모든 "
                                    "화소를 동시에 노출하는 <b>글로벌 셔터</b>는 측량과 정밀 분석에 유리합니다. "
                                    "움직임에 의한 번짐(모션 블러)은 '노출 시간 × 지상 속도'로 어림할 수 있습니다. "
                                    "10 m/s로 비행하며 1/1000초로 찍으면 1 cm가 번지므로, 이 값이 GSD보다 작도록 "
                                    "노출을 정합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "영상 센서의 파장 대역",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "대역",
                                                "파장",
                                                "특징",
                                            ],
                                            [
                                                "가시광(VIS)",
                                                "0.4~0.7 µm",
                                                "사람 눈과 같은 색 정보, 주간 전용",
                                            ],
                                            [
                                                "근적외선(NIR)",
                                                "0.7~1.0 µm 부근",
                                                "식생 분석, 저조도 보조 조명",
                                            ],
                                            [
                                                "단파적외선(SWIR)",
                                                "1~3 µm",
                                                "연무 투과에 유리, 반사광 기반",
                                            ],
                                            [
                                                "중파적외선(MWIR)",
                                                "3~5 µm",
                                                "냉각형 검출기, 고감도·장거리, 고가",
                                            ],
                                            [
                                                "장파적외선(LWIR)",
                                                "8~14 µm",
                                                "비냉각 마이크로볼로미터, 상온 물체 복사가 가장 강한 대역",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "열상 영상의 이해",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>상온(약 300 K) 물체가 내는 복사는 빈의 변위 법칙에 따라 약 10 µm 부근에서 "
                                    "가장 강하기 때문에, 드론용 열상 카메라는 대부분 LWIR 대역을 씁니다. 열상 "
                                    "영상의 밝기는 온도 그 자체가 아니라 물체가 내는 복사량이며, 복사량은 표면의 "
                                    "<b>방사율</b>에 따라 달라집니다. 방사율이 낮은 금속 표면은 하늘이나 주변 "
                                    "물체의 복사를 반사해 실제보다 차갑거나 뜨겁게 보일 수 있습니다. 일반 유리는 "
                                    "LWIR을 거의 통과시키지 않아 창문 너머는 보이지 않습니다.</p><p>일출과 일몰 "
                                    "무렵에는 대상과 배경의 온도가 비슷해져 대비가 사라지는 <b>열 교차</b>(thermal "
                                    "crossover)가 일어납니다. 열상 센서의 감도는 NETD(잡음등가온도차, 예: 50 mK "
                                    "이하)로 나타내며, 픽셀마다 온도 값을 기록하는 방사측정형과 영상만 제공하는 "
                                    "비방사측정형으로 나뉩니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "영상 압축과 분석",
                                    "text": (
                                        "<p>H.264나 H.265로 강하게 압축한 영상은 작은 표적의 윤곽과 질감이 뭉개져 "
                                        "탐지 성능이 크게 떨어집니다. 분석용 영상은 원본 또는 높은 비트레이트로 "
                                        "별도 저장하고, 전송 영상과 저장 영상의 품질 차이를 알고 모델을 평가해야 "
                                        "합니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "gsd-coverage",
                        "title": "지상표본거리(GSD)와 촬영 계획",
                        "title_en": "Ground sampling distance and capture planning",
                        "study_minutes": 35,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "GSD 계산",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p><b>지상표본거리(GSD)</b>는 영상의 한 화소가 지상에서 차지하는 거리입니다. "
                                    "연직 촬영에서 GSD는 비행 고도에 비례하고 초점거리에 반비례하며, 센서 폭을 "
                                    "가로 화소 수로 나눈 화소 크기에 비례합니다. GSD가 작을수록 영상이 자세하지만 "
                                    "한 장이 덮는 면적은 줄어듭니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "text",
                                    "code": (
                                        "GSD(m/px) = 센서 폭(mm) × 고도(m) / (초점거리(mm) × 영상 가로 화소 수)\n"
                                        "촬영 폭(m) = GSD × 영상 가로 화소 수\n"
                                        "\n"
                                        "예) 1인치 센서 폭 13.2 mm, 초점거리 8.8 mm, 영상 5472 × 3648 px, 고도 100 "
                                        "m\n"
                                        "    GSD   = 13.2 × 100 / (8.8 × 5472) = 0.0274 m/px ≈ 2.74 cm/px\n"
                                        "    촬영 범위 = 0.0274 × 5472 ≈ 150 m (가로), 0.0274 × 3648 ≈ 100 m (세로)"
                                    ),
                                },
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "고도별 GSD(위 카메라 기준)",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "고도",
                                                "GSD",
                                                "한 장의 촬영 범위(가로 × 세로)",
                                            ],
                                            [
                                                "50 m",
                                                "1.37 cm/px",
                                                "약 75 m × 50 m",
                                            ],
                                            [
                                                "100 m",
                                                "2.74 cm/px",
                                                "약 150 m × 100 m",
                                            ],
                                            [
                                                "150 m",
                                                "4.11 cm/px",
                                                "약 225 m × 150 m",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "탐지·인식·식별에 필요한 해상도",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>표적을 찾는 것(탐지), 종류를 아는 것(인식), 정확히 무엇인지 아는 "
                                    "것(식별)은 서로 다른 해상도를 요구합니다. 1958년 발표된 <b>존슨 기준</b>은 "
                                    "표적의 임계 치수를 가로지르는 라인 쌍(line pair) 수로 이를 나타내며, 50% 확률 "
                                    "기준으로 탐지 약 1, 인식 약 4, 식별 약 6.4 라인 쌍이 필요하다고 봅니다. 라인 "
                                    "쌍 하나는 대략 2화소에 해당합니다.</p><p>예를 들어 임계 치수가 2.3 m인 차량을 "
                                    "인식하려면 4 라인 쌍, 즉 약 8화소가 필요하므로 GSD가 약 29 cm(2.3 m ÷ 8) "
                                    "이하여야 합니다. 실제로는 대비, 대기 상태, 압축, 분석 방법에 따라 더 높은 "
                                    "해상도가 필요하므로 이 값은 계획의 출발점으로 씁니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "중복도와 촬영 간격",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>정사영상과 3D 모델을 만들려면 사진끼리 충분히 겹쳐야 합니다. 일반적으로 "
                                    "진행 방향 중복(종중복) 70~80%, 측선 간 중복(횡중복) 60~70%를 씁니다. 위 "
                                    "카메라를 100 m에서 세로 방향이 진행 방향이 되도록 쓰고 종중복 80%로 찍으면 "
                                    "촬영 간격은 100 m × (1 − 0.8) = 20 m이고, 10 m/s로 비행하면 2초마다 한 장을 "
                                    "찍어야 합니다. 횡중복 70%이면 측선 간격은 150 m × (1 − 0.7) = 45 m입니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "고도 제한 안에서 해상도 확보",
                                    "text": (
                                        "<p>항공안전법상 지표면 기준 150 m 이상 비행은 승인이 필요합니다. 원하는 "
                                        "GSD를 고도를 높여 맞추려 하기보다, 필요한 해상도를 고도 제한 안에서 얻을 "
                                        "수 있도록 카메라와 렌즈를 선택하세요.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "메타데이터와 지리참조",
                "title_en": "Metadata and georeferencing",
                "lessons": [
                    {
                        "slug": "metadata-telemetry",
                        "title": "EXIF·XMP 메타데이터와 비행 텔레메트리",
                        "title_en": "EXIF and XMP metadata and flight telemetry",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "사진 메타데이터",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>드론 사진에는 <b>EXIF</b> 메타데이터로 촬영 시각(DateTimeOriginal), 카메라 "
                                    "모델, 초점거리(FocalLength), 노출 설정과 함께 위치 정보(GPSLatitude, "
                                    "GPSLatitudeRef, GPSLongitude, GPSLongitudeRef, GPSAltitude)가 기록됩니다. "
                                    "EXIF의 GPSAltitude는 보통 해발 기준이므로 이륙 지점 대비 높이와 다릅니다. "
                                    "제조사는 <b>XMP</b> 영역에 고유 태그를 추가하는데, 예를 들어 DJI 기체는 "
                                    "상대고도(RelativeAltitude), 짐벌 각도(GimbalPitchDegree), 기체 "
                                    "방위(FlightYawDegree) 등을 기록합니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "bash",
                                    "code": (
                                        "# 한 장의 주요 메타데이터 확인\n"
                                        "exiftool -DateTimeOriginal -FocalLength -GPSLatitude -GPSLongitude "
                                        "-GPSAltitude DJI_0001.JPG\n"
                                        "\n"
                                        "# 폴더 전체의 위치와 상대고도를 숫자 형식(-n) CSV로 추출\n"
                                        "exiftool -n -csv -GPSLatitude -GPSLongitude -XMP:RelativeAltitude "
                                        "-XMP:GimbalPitchDegree *.JPG > positions.csv\n"
                                        "\n"
                                        "# 외부 제공용 사본에서 모든 메타데이터 제거\n"
                                        "exiftool -all= -overwrite_original export/*.JPG"
                                    ),
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "동영상 텔레메트리",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>동영상은 프레임마다 위치와 자세가 바뀌므로 별도의 텔레메트리가 필요합니다. "
                                    "상용 드론은 프레임별 위치·고도·카메라 설정을 자막 파일(SRT) 형태로 함께 "
                                    "저장하는 경우가 많습니다. 감시정찰 분야의 공개 표준인 <b>MISB ST 0601</b>(UAS "
                                    "Datalink Local Set)은 플랫폼 위치와 방위, 센서 위치와 화각, 프레임 중심 좌표, "
                                    "정밀 타임스탬프 등을 <b>KLV</b>(Key-Length-Value) 형식으로 정의하고, 이를 "
                                    "MPEG-2 전송 스트림(TS)에 영상과 함께 다중화합니다. NATO의 디지털 동영상 "
                                    "표준인 STANAG 4609도 이 방식을 채택하고 있습니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "시각 정보의 출처와 기준",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "출처",
                                                "시간 기준",
                                                "주의점",
                                            ],
                                            [
                                                "카메라 EXIF",
                                                "카메라 내부 시계(대개 현지 시각)",
                                                "시간대 정보가 없거나 시계가 틀릴 수 있음(OffsetTimeOriginal 확인)",
                                            ],
                                            [
                                                "비행제어기 로그",
                                                "부팅 후 경과 시간 + GNSS 시각",
                                                "GPS 시각과 UTC는 윤초만큼 다름(현재 18초)",
                                            ],
                                            [
                                                "KLV 메타데이터",
                                                "UTC 기준 정밀 타임스탬프(µs)",
                                                "영상 프레임과의 지연 보정 필요",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>사진과 비행 로그를 정확히 맞추려면 카메라 촬영 신호를 로그에 남기는 것이 "
                                    "가장 확실합니다. ArduPilot은 촬영 시점을 CAM 메시지로, PX4는 camera_capture "
                                    "토픽으로 기록합니다. 촬영 기록이 없다면 이착륙처럼 영상과 로그 양쪽에서 "
                                    "알아볼 수 있는 사건으로 시계 차이를 구해 보정합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "security",
                                    "title": "메타데이터로 인한 위치 노출",
                                    "text": (
                                        "<p>사진 한 장의 EXIF만으로도 시험장 좌표와 촬영 시각, 사용 장비가 "
                                        "드러납니다. 외부 발표나 협력사 제공용 영상은 승인 절차를 거치고, "
                                        "메타데이터를 제거한 사본만 내보내세요.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "georeferencing",
                        "title": "좌표계와 지리참조",
                        "title_en": "Coordinate systems and georeferencing",
                        "study_minutes": 30,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "좌표계의 기초",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>GNSS 수신기는 WGS84 타원체 기준의 위도·경도·타원체고를 출력합니다. "
                                    "위경도는 각도 단위라서 거리와 면적 계산에 불편하므로, 분석에서는 평면 위에 "
                                    "미터 단위로 펼친 <b>투영 좌표계</b>를 씁니다. 우리나라의 측량 기준은 GRS80 "
                                    "타원체 기반의 세계측지계(Korea 2000)이며, GRS80과 WGS84는 실용상 거의 "
                                    "같습니다.</p><p>높이에도 주의해야 합니다. GNSS가 주는 <b>타원체고</b>와 "
                                    "지도에 쓰는 <b>표고</b>(해발고도)는 지오이드고만큼 차이가 나며, 국내에서는 그 "
                                    "차이가 약 20~30 m입니다. 고도 값을 비교할 때는 어떤 기준인지 먼저 "
                                    "확인합니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "국내에서 자주 쓰는 좌표계",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "EPSG 코드",
                                                "이름",
                                                "용도",
                                            ],
                                            [
                                                "4326",
                                                "WGS 84(위경도)",
                                                "GNSS 출력, 웹 지도 데이터 교환",
                                            ],
                                            [
                                                "32652",
                                                "WGS 84 / UTM 52N",
                                                "동경 126~132° 구간, 대전 포함 국내 대부분",
                                            ],
                                            [
                                                "5186",
                                                "Korea 2000 / Central Belt 2010(중부원점)",
                                                "국내 측량·지적, 대전 지역 실무 도면",
                                            ],
                                            [
                                                "5179",
                                                "Korea 2000 / Unified CS(UTM-K)",
                                                "전국 단일 좌표가 필요한 지도 서비스",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "직접 지리참조와 간접 지리참조",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p><b>직접 지리참조</b>는 촬영 순간 기체의 GNSS 위치와 IMU 자세로 영상의 "
                                    "위치를 계산하는 방식입니다. 단독 GNSS는 수 m의 오차가 있지만, RTK나 PPK "
                                    "보정을 쓰면 수 cm 수준까지 정확해집니다. <b>간접 지리참조</b>는 지상에 "
                                    "설치하고 측량한 <b>지상기준점(GCP)</b>을 영상에서 찾아 번들 조정으로 위치를 "
                                    "맞추는 방식입니다. 어떤 방식이든 계산에 쓰지 않은 <b>검사점</b>으로 수평·수직 "
                                    "RMSE를 구해 정확도를 보고해야 합니다.</p><p>여러 장의 사진에서 특징점을 맞춰 "
                                    "카메라 위치와 3차원 점군을 동시에 복원하는 SfM(Structure from Motion) "
                                    "기법으로 정사영상과 수치표면모델을 만듭니다. OpenDroneMap 같은 오픈소스 "
                                    "도구와 상용 소프트웨어가 이 과정을 자동화합니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "python",
                                    "code": (
                                        "from pyproj import Transformer\n"
                                        "\n"
                                        "# WGS84 위경도(EPSG:4326) -> Korea 2000 중부원점(EPSG:5186), "
                                        "always_xy=True 이면 (경도, 위도) 순서로 입력\n"
                                        'to_tm = Transformer.from_crs("EPSG:4326", "EPSG:5186", always_xy=True)\n'
                                        "x, y = to_tm.transform(127.3845, 36.3504)  # 대전 시청 부근\n"
                                        'print(f"동쪽 좌표 {x:.2f} m, 북쪽 좌표 {y:.2f} m")\n'
                                        "\n"
                                        "# UTM 52N(EPSG:32652)으로도 변환해 비교\n"
                                        'to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32652", always_xy=True)\n'
                                        "print(to_utm.transform(127.3845, 36.3504))"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "흔한 좌표 실수",
                                    "text": (
                                        "<p>위도와 경도의 순서(GeoJSON과 많은 라이브러리는 경도, 위도 순), "
                                        "도·분·초와 십진 도의 혼동, 타원체고와 해발고도의 혼동이 가장 흔한 "
                                        "오류입니다. 좌표를 주고받을 때는 항상 EPSG 코드와 높이 기준을 함께 "
                                        "적으세요.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "title": "객체 탐지와 성능평가",
                "title_en": "Object detection and evaluation",
                "lessons": [
                    {
                        "slug": "object-detection",
                        "title": "딥러닝 객체 탐지 기초",
                        "title_en": "Deep-learning object detection basics",
                        "study_minutes": 35,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "객체 탐지 모델의 종류",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>영상 분류는 영상 전체에 하나의 이름을 붙이고, <b>객체 탐지</b>는 영상 속 "
                                    "물체마다 경계상자와 클래스, 신뢰도를 출력하며, 분할은 화소 단위로 영역을 "
                                    "나눕니다. 탐지 모델은 먼저 후보 영역을 제안하고 분류하는 <b>2단계 "
                                    "방식</b>(Faster R-CNN 등)과 한 번에 상자와 클래스를 예측하는 <b>1단계 "
                                    "방식</b>(YOLO 계열, SSD, RetinaNet 등), 그리고 트랜스포머 기반 방식(DETR "
                                    "등)으로 나뉩니다. 1단계 방식은 빠르기 때문에 드론 탑재 컴퓨터의 실시간 처리에 "
                                    "많이 쓰입니다. 대부분의 모델은 같은 물체에 겹친 상자들 가운데 신뢰도가 가장 "
                                    "높은 것만 남기는 비최대 억제(NMS) 후처리를 거칩니다.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "항공 영상의 특수성",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul><li><b>작은 물체</b>: 고도가 높으면 차량과 사람이 수~수십 화소에 "
                                    "불과합니다.</li><li><b>방향</b>: 위에서 내려다보므로 물체가 임의의 방향으로 "
                                    "놓여 있어 회전 경계상자가 유리할 때가 있습니다.</li><li><b>큰 영상</b>: 수천 "
                                    "화소 크기의 영상을 모델 입력 크기로 줄이면 작은 물체가 사라지므로, 겹치게 "
                                    "잘라(타일링) 추론한 뒤 결과를 합칩니다(예: SAHI 기법).</li><li><b>스케일과 "
                                    "각도 변화</b>: 고도와 짐벌 각도에 따라 같은 물체의 크기와 모양이 "
                                    "달라집니다.</li><li><b>도메인 차이</b>: 계절, 지역, 센서(EO와 IR)가 바뀌면 "
                                    "성능이 크게 떨어질 수 있습니다.</li></ul>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "항공 영상 공개 데이터셋",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "데이터셋",
                                                "영상",
                                                "특징",
                                            ],
                                            [
                                                "VisDrone",
                                                "중국 여러 도시에서 드론으로 촬영한 사진·동영상",
                                                "보행자, 차량 등 10개 클래스, 작은 물체 다수",
                                            ],
                                            [
                                                "DOTA",
                                                "항공·위성 영상",
                                                "회전 경계상자 주석, 항공기·선박·차량 등",
                                            ],
                                            [
                                                "xView",
                                                "위성 영상",
                                                "60개 클래스, 대규모 주석",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>좋은 모델은 좋은 데이터에서 나옵니다. 가려진 물체와 잘린 물체를 어떻게 "
                                    "표시할지 라벨링 지침을 먼저 정하고, 다른 작업자가 교차 검수합니다. "
                                    "학습·검증·시험 데이터를 나눌 때는 같은 비행에서 나온 연속 프레임이 서로 다른 "
                                    "세트로 흩어지지 않도록 <b>비행(촬영 세션) 단위로 분리</b>해야 합니다. 그렇지 "
                                    "않으면 거의 같은 장면을 시험에 쓰게 되어 성능이 부풀려집니다. 회전, 크기 "
                                    "변화, 밝기 변화, 블러 같은 증강은 실제 촬영 조건의 범위 안에서 적용합니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "bash",
                                    "code": (
                                        "pip install ultralytics\n"
                                        "# 공개 VisDrone 데이터셋 설정으로 학습(작은 물체를 위해 입력 크기를 "
                                        "키움)\n"
                                        "yolo detect train data=VisDrone.yaml model=yolov8s.pt imgsz=1280 "
                                        "epochs=100\n"
                                        "# 검증 세트에서 mAP 평가\n"
                                        "yolo detect val data=VisDrone.yaml model=runs/detect/train/weights/best.pt"
                                        " imgsz=1280"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "security",
                                    "title": "학습 데이터와 모델도 보호 대상",
                                    "text": (
                                        "<p>군 시설이나 장비가 찍힌 영상으로 만든 데이터셋과 그 데이터로 학습한 "
                                        "모델 가중치는 원본 영상과 같은 수준으로 보호해야 합니다. 외부 클라우드 "
                                        "학습 서비스나 공개 모델 저장소에 올리지 마세요.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "detection-metrics",
                        "title": "탐지 성능 지표: IoU, 정밀도·재현율, mAP",
                        "title_en": "Detection metrics: IoU, precision, recall and mAP",
                        "study_minutes": 35,
                        "body": [
                            {
                                "type": "heading",
                                "value": {
                                    "text": "IoU: 상자가 얼마나 맞았는가",
                                    "size": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>예측 상자와 정답 상자가 얼마나 겹치는지는 <b>IoU</b>(Intersection over "
                                    "Union), 즉 두 상자의 교집합 면적을 합집합 면적으로 나눈 값으로 잽니다. 0이면 "
                                    "전혀 겹치지 않고 1이면 완전히 일치합니다. PASCAL VOC 평가에서는 같은 "
                                    "클래스이면서 IoU가 0.5 이상인 예측을 정탐(TP)으로, 그렇지 못한 예측을 "
                                    "오탐(FP)으로, 찾지 못한 정답을 미탐(FN)으로 셉니다.</p>"
                                ),
                            },
                            {
                                "type": "code",
                                "value": {
                                    "language": "python",
                                    "code": (
                                        "def iou(box_a, box_b):\n"
                                        '    """두 경계상자 (x1, y1, x2, y2)의 IoU를 계산한다. 좌표는 픽셀, x2 > '
                                        'x1, y2 > y1."""\n'
                                        "    ix1, iy1 = max(box_a[0], box_b[0]), max(box_a[1], box_b[1])\n"
                                        "    ix2, iy2 = min(box_a[2], box_b[2]), min(box_a[3], box_b[3])\n"
                                        "    inter = max(0, ix2 - ix1) * max(0, iy2 - iy1)\n"
                                        "    area_a = (box_a[2] - box_a[0]) * (box_a[3] - box_a[1])\n"
                                        "    area_b = (box_b[2] - box_b[0]) * (box_b[3] - box_b[1])\n"
                                        "    return inter / (area_a + area_b - inter)\n"
                                        "\n"
                                        "\n"
                                        "# 정답 상자와 예측 상자가 가로로 절반씩 어긋난 경우\n"
                                        "print(iou((0, 0, 100, 100), (50, 0, 150, 100)))  # 5000 / 15000 = 0.333..."
                                    ),
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "정밀도, 재현율, F1",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p><b>정밀도</b>(Precision) = TP / (TP + FP)는 탐지했다고 한 것 중 맞은 "
                                    "비율이고, <b>재현율</b>(Recall) = TP / (TP + FN)은 실제 물체 중 찾아낸 "
                                    "비율입니다. 두 값의 조화평균인 <b>F1</b> = 2PR / (P + R)은 한 숫자로 균형을 "
                                    "봅니다. 신뢰도 임계값을 높이면 정밀도는 오르고 재현율은 떨어지는 것이 "
                                    "일반적이며, 임계값을 바꿔 가며 그린 것이 정밀도-재현율(PR) "
                                    "곡선입니다.</p><p>어느 쪽을 중시할지는 임무가 정합니다. 위협을 놓치는 비용이 "
                                    "큰 감시 임무는 재현율을, 운용자가 모든 경보를 확인해야 해서 오경보 부담이 큰 "
                                    "경우는 정밀도를 더 중요하게 봅니다.</p>"
                                ),
                            },
                            {
                                "type": "table",
                                "value": {
                                    "caption": "계산 예: 시험 영상 120개 표적에 대한 탐지 결과",
                                    "table": {
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": False,
                                        "data": [
                                            [
                                                "항목",
                                                "값",
                                                "계산",
                                            ],
                                            [
                                                "TP(정탐)",
                                                "80",
                                                "IoU 0.5 이상으로 맞춘 표적",
                                            ],
                                            [
                                                "FP(오탐)",
                                                "20",
                                                "표적이 아닌 곳을 탐지",
                                            ],
                                            [
                                                "FN(미탐)",
                                                "40",
                                                "120 − 80",
                                            ],
                                            [
                                                "정밀도",
                                                "0.80",
                                                "80 / (80 + 20)",
                                            ],
                                            [
                                                "재현율",
                                                "0.67",
                                                "80 / (80 + 40)",
                                            ],
                                            [
                                                "F1",
                                                "0.73",
                                                "2 × 0.80 × 0.667 / (0.80 + 0.667)",
                                            ],
                                        ],
                                    },
                                },
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "AP와 mAP",
                                    "size": "h3",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p><b>AP</b>(Average Precision)는 한 클래스의 PR 곡선 아래 면적이고, "
                                    "<b>mAP</b>는 모든 클래스의 AP 평균입니다. PASCAL VOC 방식의 <b>mAP@0.5</b>는 "
                                    "IoU 0.5 한 가지 기준으로 계산하고, COCO 방식의 <b>mAP@0.5:0.95</b>는 IoU "
                                    "0.50부터 0.95까지 0.05 간격의 10개 기준에서 구한 값을 평균하므로 상자 위치의 "
                                    "정확도까지 엄격하게 반영합니다. COCO는 면적 32² 화소 미만을 작은 물체로 보고 "
                                    "별도의 AP(APs)를 보고하는데, 항공 영상에서는 이 값이 특히 중요합니다.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "성능을 보고할 때 함께 적을 조건",
                                    "text": (
                                        "<p>같은 모델도 조건에 따라 숫자가 크게 달라집니다. 데이터셋과 분할 방법, "
                                        "입력 해상도, IoU 기준, 신뢰도 임계값, 추론 속도(FPS)와 측정 하드웨어를 "
                                        "함께 적어야 결과를 비교할 수 있습니다.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
        ],
    },
]
